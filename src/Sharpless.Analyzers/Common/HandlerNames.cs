using Microsoft.CodeAnalysis;

namespace Sharpless.Common
{
    /// <summary>How a handler is named in messages: <c>Function.Handle</c>, a local function's name, or the delegate.</summary>
    internal static class HandlerNames
    {
        public static string Describe(IMethodSymbol handler)
        {
            if (handler.MethodKind == MethodKind.AnonymousFunction)
            {
                return "the Lambda handler delegate";
            }

            return handler.MethodKind == MethodKind.LocalFunction || handler.ContainingType is null
                ? handler.Name
                : handler.ContainingType.Name + "." + handler.Name;
        }
    }
}
