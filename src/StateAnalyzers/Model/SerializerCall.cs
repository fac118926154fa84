using Microsoft.CodeAnalysis;

namespace StateAnalyzers.Model
{
    /// <summary>Serializers whose output grows with the object graph: System.Text.Json, Newtonsoft.Json, XmlSerializer.</summary>
    internal static class SerializerCall
    {
        public static bool IsSerializer(IMethodSymbol method)
        {
            var type = method.ContainingType?.ToDisplayString();
            return (type == "System.Text.Json.JsonSerializer" && method.Name is "Serialize" or "SerializeToUtf8Bytes")
                || (type == "Newtonsoft.Json.JsonConvert" && method.Name == "SerializeObject")
                || (type == "System.Xml.Serialization.XmlSerializer" && method.Name == "Serialize");
        }

        public static string Describe(IMethodSymbol method) => method.ContainingType!.Name + "." + method.Name;
    }
}
