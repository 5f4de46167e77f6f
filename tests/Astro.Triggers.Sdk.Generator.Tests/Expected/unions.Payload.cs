    [System.Text.Json.Serialization.JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
    [System.Text.Json.Serialization.JsonDerivedType(typeof(TextPayload), typeDiscriminator: "TEXT")]
    [System.Text.Json.Serialization.JsonDerivedType(typeof(FilePayload), typeDiscriminator: "FILE")]
    public partial class Payload
    {

        private System.Collections.Generic.IDictionary<string, object>? _additionalProperties;

        [System.Text.Json.Serialization.JsonExtensionData]
        public System.Collections.Generic.IDictionary<string, object> AdditionalProperties
        {
            get { return _additionalProperties ?? (_additionalProperties = new System.Collections.Generic.Dictionary<string, object>()); }
            set { _additionalProperties = value; }
        }

    }
