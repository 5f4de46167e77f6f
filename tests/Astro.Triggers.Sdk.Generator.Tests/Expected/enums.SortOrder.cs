    [System.Text.Json.Serialization.JsonConverter(typeof(SortOrderJsonConverter))]
    public enum SortOrder
    {

        [System.Text.Json.Serialization.JsonStringEnumMemberName(@"asc")]
        [System.Runtime.Serialization.EnumMember(Value = @"asc")]
        Asc = 0,

        [System.Text.Json.Serialization.JsonStringEnumMemberName(@"desc")]
        [System.Runtime.Serialization.EnumMember(Value = @"desc")]
        Desc = 1,

        [System.Text.Json.Serialization.JsonStringEnumMemberName(@"by_title")]
        [System.Runtime.Serialization.EnumMember(Value = @"by_title")]
        By_title = 2,

        /// <summary>A value this version of the SDK does not know (the service added it later). Never sent.</summary>
        Unknown = 3,

    }
