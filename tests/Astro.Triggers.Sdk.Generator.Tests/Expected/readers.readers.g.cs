    /// <summary>Straight-line readers of the Readers response models (ModelReader): the plain case here, anything else
    /// through ReadersJsonContext's metadata, from the same bytes.</summary>
    [global::System.CodeDom.Compiler.GeneratedCode("Astro.Triggers.Sdk.Generator", "1.0")]
    internal static class ReadersReaders
    {
        public static readonly global::Astro.Triggers.Sdk.Core.Json.ModelReader<Document> DocumentReader = new(TryReadDocument,
            static () => global::Astro.Triggers.Sdk.Core.Json.LenientReading.TypeInfo<Document>(ReadersJsonContext.ReadOptions));

        private static readonly string[] KnownDocument = ["id", "title", "state", "size", "score", "createdAt", "tags", "labels", "source"];

        private static bool TryReadDocument(ref global::System.Text.Json.Utf8JsonReader reader, out Document value)
        {
            value = null!;
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject) return false;
            var model = new Document();
            var seen0 = false;
            var seen1 = false;
            var seen2 = false;
            var seen3 = false;
            var seen4 = false;
            var seen5 = false;
            var seen6 = false;
            var seen7 = false;
            var seen8 = false;
            while (true)
            {
                if (!reader.Read()) return false;
                if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject) break;
                if (reader.ValueTextEquals("id"u8))
                {
                    if (seen0 || !reader.Read()) return false;
                    seen0 = true;
                    if (global::Astro.Triggers.Sdk.Core.Json.WireRead.String(ref reader, out var v0)) model.Id = v0;
                    else return false;
                }
                else if (reader.ValueTextEquals("title"u8))
                {
                    if (seen1 || !reader.Read()) return false;
                    seen1 = true;
                    if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) model.Title = null;
                    else if (global::Astro.Triggers.Sdk.Core.Json.WireRead.Text(ref reader, out var v1)) model.Title = v1;
                    else return false;
                }
                else if (reader.ValueTextEquals("state"u8))
                {
                    if (seen2 || !reader.Read()) return false;
                    seen2 = true;
                    if (TryReadState(ref reader, out var v2)) model.State = v2;
                    else return false;
                }
                else if (reader.ValueTextEquals("size"u8))
                {
                    if (seen3 || !reader.Read()) return false;
                    seen3 = true;
                    if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) model.Size = null;
                    else if (global::Astro.Triggers.Sdk.Core.Json.WireRead.Int64(ref reader, out var v3)) model.Size = v3;
                    else return false;
                }
                else if (reader.ValueTextEquals("score"u8))
                {
                    if (seen4 || !reader.Read()) return false;
                    seen4 = true;
                    if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) model.Score = null;
                    else if (global::Astro.Triggers.Sdk.Core.Json.WireRead.Double(ref reader, out var v4)) model.Score = v4;
                    else return false;
                }
                else if (reader.ValueTextEquals("createdAt"u8))
                {
                    if (seen5 || !reader.Read()) return false;
                    seen5 = true;
                    if (global::Astro.Triggers.Sdk.Core.Json.WireRead.Timestamp(ref reader, out var v5)) model.CreatedAt = v5;
                    else return false;
                }
                else if (reader.ValueTextEquals("tags"u8))
                {
                    if (seen6 || !reader.Read()) return false;
                    seen6 = true;
                    if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) model.Tags = null;
                    else if (TryReadListOfString(ref reader, out var v6)) model.Tags = v6;
                    else return false;
                }
                else if (reader.ValueTextEquals("labels"u8))
                {
                    if (seen7 || !reader.Read()) return false;
                    seen7 = true;
                    if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) model.Labels = null;
                    else if (TryReadMapOfString(ref reader, out var v7)) model.Labels = v7;
                    else return false;
                }
                else if (reader.ValueTextEquals("source"u8))
                {
                    if (seen8 || !reader.Read()) return false;
                    seen8 = true;
                    if (TryReadSource(ref reader, out var v8)) model.Source = v8;
                    else return false;
                }
                else
                {
                    if (global::Astro.Triggers.Sdk.Core.Json.WireRead.MightBeKnown(ref reader, KnownDocument)) return false;
                    reader.Skip();
                }
            }

            if (!seen0 || !seen2 || !seen5 || !seen8) return false;
            value = model;
            return true;
        }

        private static bool TryReadSource(ref global::System.Text.Json.Utf8JsonReader reader, out Source value)
        {
            value = null!;
            if (!global::Astro.Triggers.Sdk.Core.Json.WireRead.Discriminator(reader, "type"u8, out var tag)) return false;
            if (tag.ValueTextEquals("URL"u8))
            {
                if (!TryReadUrlSource(ref reader, out var case0)) return false;
                value = case0;
                return true;
            }

            if (tag.ValueTextEquals("TEXT"u8))
            {
                if (!TryReadTextSource(ref reader, out var case1)) return false;
                value = case1;
                return true;
            }

            // A discriminator this version does not know: the metadata decides.
            return false;
        }

        private static readonly string[] KnownTextSource = ["text", "type"];

        private static bool TryReadTextSource(ref global::System.Text.Json.Utf8JsonReader reader, out TextSource value)
        {
            value = null!;
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject) return false;
            var model = new TextSource();
            var seen0 = false;
            while (true)
            {
                if (!reader.Read()) return false;
                if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject) break;
                if (reader.ValueTextEquals("text"u8))
                {
                    if (seen0 || !reader.Read()) return false;
                    seen0 = true;
                    if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null) model.Text = null;
                    else if (global::Astro.Triggers.Sdk.Core.Json.WireRead.Text(ref reader, out var v0)) model.Text = v0;
                    else return false;
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    if (!reader.Read()) return false;
                }
                else
                {
                    if (global::Astro.Triggers.Sdk.Core.Json.WireRead.MightBeKnown(ref reader, KnownTextSource)) return false;
                    if (!global::Astro.Triggers.Sdk.Core.Json.WireRead.Extension(ref reader, out var name, out var element)) return false;
                    var extension = model.AdditionalProperties;
                    if (extension.ContainsKey(name)) return false;
                    extension[name] = element;
                }
            }

            value = model;
            return true;
        }

        private static readonly string[] KnownUrlSource = ["url", "type"];

        private static bool TryReadUrlSource(ref global::System.Text.Json.Utf8JsonReader reader, out UrlSource value)
        {
            value = null!;
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject) return false;
            var model = new UrlSource();
            var seen0 = false;
            while (true)
            {
                if (!reader.Read()) return false;
                if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject) break;
                if (reader.ValueTextEquals("url"u8))
                {
                    if (seen0 || !reader.Read()) return false;
                    seen0 = true;
                    if (global::Astro.Triggers.Sdk.Core.Json.WireRead.Uri(ref reader, out var v0)) model.Url = v0;
                    else return false;
                }
                else if (reader.ValueTextEquals("type"u8))
                {
                    if (!reader.Read()) return false;
                }
                else
                {
                    if (global::Astro.Triggers.Sdk.Core.Json.WireRead.MightBeKnown(ref reader, KnownUrlSource)) return false;
                    if (!global::Astro.Triggers.Sdk.Core.Json.WireRead.Extension(ref reader, out var name, out var element)) return false;
                    var extension = model.AdditionalProperties;
                    if (extension.ContainsKey(name)) return false;
                    extension[name] = element;
                }
            }

            if (!seen0) return false;
            value = model;
            return true;
        }

        private static readonly byte[][] StateWire = ["READY"u8.ToArray(), "FAILED"u8.ToArray()];
        private static readonly State[] StateMembers = [State.Ready, State.Failed];

        private static bool TryReadState(ref global::System.Text.Json.Utf8JsonReader reader, out State value)
        {
            value = default;
            if (!global::Astro.Triggers.Sdk.Core.Json.WireRead.EnumIndex(ref reader, StateWire, out var index)) return false;
            value = StateMembers[index];
            return true;
        }

        private static bool TryReadListOfString(ref global::System.Text.Json.Utf8JsonReader reader, out System.Collections.Generic.IList<string> value)
        {
            value = null!;
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartArray) return false;
            var list = new System.Collections.Generic.List<string>();
            while (true)
            {
                if (!reader.Read()) return false;
                if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndArray) break;
                if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null || !global::Astro.Triggers.Sdk.Core.Json.WireRead.String(ref reader, out var item)) return false;
                list.Add(item);
            }

            value = list;
            return true;
        }

        private static bool TryReadMapOfString(ref global::System.Text.Json.Utf8JsonReader reader, out System.Collections.Generic.IDictionary<string, string> value)
        {
            value = null!;
            if (reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject) return false;
            var map = new System.Collections.Generic.Dictionary<string, string>();
            while (true)
            {
                if (!reader.Read()) return false;
                if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject) break;
                var key = reader.GetString()!;
                if (key.StartsWith('$') || map.ContainsKey(key) || !reader.Read()) return false;
                if (reader.TokenType == global::System.Text.Json.JsonTokenType.Null || !global::Astro.Triggers.Sdk.Core.Json.WireRead.String(ref reader, out var item)) return false;
                map.Add(key, item);
            }

            value = map;
            return true;
        }

    }
}
