using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Sharpless.Common
{
    /// <summary>
    /// Finds the first parameter or local that per-invocation work reads. Such work cannot move to a field as written
    /// (a field initializer sees neither), so the hoisting fix is not offered and the message says why.
    /// </summary>
    internal static class InvocationStateDependency
    {
        public static string Describe(IOperation work)
        {
            var name = FindFirst(work);
            return name is null
                ? string.Empty
                : $" (it uses '{name}', known only when the code runs, so it cannot simply move to a field: build it from values available at init, or keep one instance per distinct value)";
        }

        private static string? FindFirst(IOperation work)
        {
            foreach (var operation in work.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IParameterReferenceOperation parameter when !IsDeclaredInside(parameter.Parameter, work):
                        return parameter.Parameter.Name;
                    case ILocalReferenceOperation local when !IsDeclaredInside(local.Local, work):
                        return local.Local.Name;
                }
            }

            return null;
        }

        // Lambda parameters and pattern locals declared within the work itself are not outside state.
        private static bool IsDeclaredInside(ISymbol symbol, IOperation work)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource && location.SourceTree == work.Syntax.SyntaxTree && work.Syntax.Span.Contains(location.SourceSpan))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
