    /// <summary>Reads and writes <see cref="SortOrder"/> by its wire names (TolerantEnumConverter).</summary>
    internal sealed class SortOrderJsonConverter : global::Astro.Triggers.Sdk.Core.Json.TolerantEnumConverter<SortOrder>
    {
        public SortOrderJsonConverter()
            : base(SortOrder.Unknown, [@"asc", @"desc", @"by_title"], [SortOrder.Asc, SortOrder.Desc, SortOrder.By_title])
        {
        }
    }
