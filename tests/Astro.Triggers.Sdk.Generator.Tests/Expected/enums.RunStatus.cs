    [System.Text.Json.Serialization.JsonConverter(typeof(RunStatusJsonConverter))]
    public enum RunStatus
    {

        [System.Text.Json.Serialization.JsonStringEnumMemberName(@"QUEUED")]
        [System.Runtime.Serialization.EnumMember(Value = @"QUEUED")]
        Queued = 0,

        [System.Text.Json.Serialization.JsonStringEnumMemberName(@"QUEUED_FOR_DELETE")]
        [System.Runtime.Serialization.EnumMember(Value = @"QUEUED_FOR_DELETE")]
        QueuedForDelete = 1,

        [System.Text.Json.Serialization.JsonStringEnumMemberName(@"PRE_PROCESSING")]
        [System.Runtime.Serialization.EnumMember(Value = @"PRE_PROCESSING")]
        PreProcessing = 2,

        [System.Text.Json.Serialization.JsonStringEnumMemberName(@"OK")]
        [System.Runtime.Serialization.EnumMember(Value = @"OK")]
        Ok = 3,

        [System.Text.Json.Serialization.JsonStringEnumMemberName(@"V2_READY")]
        [System.Runtime.Serialization.EnumMember(Value = @"V2_READY")]
        V2Ready = 4,

        /// <summary>A value this version of the SDK does not know (the service added it later). Never sent.</summary>
        Unknown = 5,

    }
