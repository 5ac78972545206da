using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Sharpless.Common
{
    /// <summary>Named arguments of an attribute, read from its bound data.</summary>
    internal static class AttributeArguments
    {
        /// <summary>A <c>string[]</c> named argument (<c>SubnetIds = ["a", "b"]</c>): its non-blank items, trimmed; empty when absent.</summary>
        public static ImmutableArray<string> Strings(AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name && argument.Value.Kind == TypedConstantKind.Array && !argument.Value.IsNull)
                {
                    var items = ImmutableArray.CreateBuilder<string>();
                    foreach (var item in argument.Value.Values)
                    {
                        if (item.Value is string text && text.Trim().Length > 0)
                        {
                            items.Add(text.Trim());
                        }
                    }

                    return items.ToImmutable();
                }
            }

            return ImmutableArray<string>.Empty;
        }
    }
}
