using System.Reflection;

namespace Astro.Triggers.Sdk.Tests.PublicSurface;

/// <summary>The documentation-comment id the C# compiler writes for a type or member in the XML file (ECMA-334 annex D):
/// <c>T:Ns.Type`1</c>, <c>M:Ns.Type.Method(System.String,System.Nullable{System.Int32})</c>, <c>P:</c>, <c>F:</c>, <c>E:</c>.</summary>
internal static class DocId
{
    public static string Of(Type type) => "T:" + TypeName(type);

    public static string Of(MemberInfo member) => member switch
    {
        Type type => Of(type),
        ConstructorInfo ctor => $"M:{TypeName(ctor.DeclaringType!)}.#ctor{Parameters(ctor.GetParameters())}",
        MethodInfo method => $"M:{TypeName(method.DeclaringType!)}.{method.Name}"
            + (method.IsGenericMethodDefinition ? $"``{method.GetGenericArguments().Length}" : string.Empty)
            + Parameters(method.GetParameters())
            + (method.Name is "op_Implicit" or "op_Explicit" ? "~" + Reference(method.ReturnType) : string.Empty),
        PropertyInfo property => $"P:{TypeName(property.DeclaringType!)}.{property.Name}{Parameters(property.GetIndexParameters())}",
        FieldInfo field => $"F:{TypeName(field.DeclaringType!)}.{field.Name}",
        EventInfo e => $"E:{TypeName(e.DeclaringType!)}.{e.Name}",
        _ => throw new NotSupportedException(member.GetType().Name),
    };

    // The declaring type as a definition: namespace, nesting with '.', arity kept (`1).
    private static string TypeName(Type type) => type.FullName!.Replace('+', '.');

    private static string Parameters(ParameterInfo[] parameters) =>
        parameters.Length == 0 ? string.Empty : "(" + string.Join(",", parameters.Select(p => Reference(p.ParameterType))) + ")";

    // A type as used in a signature: generic arguments in braces, type parameters by position (`0 of the type, ``0 of
    // the method), by-ref '@', arrays '[]'.
    private static string Reference(Type type)
    {
        if (type.IsByRef)
        {
            return Reference(type.GetElementType()!) + "@";
        }

        if (type.IsArray)
        {
            return Reference(type.GetElementType()!) + (type.GetArrayRank() == 1 ? "[]" : "[" + string.Join(",", Enumerable.Repeat("0:", type.GetArrayRank())) + "]");
        }

        if (type.IsPointer)
        {
            return Reference(type.GetElementType()!) + "*";
        }

        if (type.IsGenericParameter)
        {
            return (type.DeclaringMethod is null ? "`" : "``") + type.GenericParameterPosition;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition().FullName!;
            var name = definition[..definition.LastIndexOf('`')].Replace('+', '.');
            return name + "{" + string.Join(",", type.GetGenericArguments().Select(Reference)) + "}";
        }

        return type.FullName!.Replace('+', '.');
    }
}
