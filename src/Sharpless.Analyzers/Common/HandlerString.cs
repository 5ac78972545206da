using System;

namespace Sharpless.Common
{
    /// <summary>
    /// A .NET Lambda handler string, <c>Assembly::Namespace.Type::Method</c>, as the managed runtime resolves it.
    /// Nested types use <c>+</c> (reflection's separator), which is also what GetTypeByMetadataName expects.
    /// </summary>
    internal readonly struct HandlerString : IEquatable<HandlerString>
    {
        private const string Separator = "::";

        private HandlerString(string assembly, string typeName, string methodName)
        {
            Assembly = assembly;
            TypeName = typeName;
            MethodName = methodName;
        }

        public string Assembly { get; }

        public string TypeName { get; }

        public string MethodName { get; }

        /// <summary>
        /// Parses the class-library form. An executable's handler string is only the assembly name; it names no
        /// method and is rejected here (the executable's handler is the delegate given to LambdaBootstrapBuilder).
        /// </summary>
        public static bool TryParse(string? text, out HandlerString handler)
        {
            handler = default;
            if (text is null)
            {
                return false;
            }

            var value = text.Trim();
            var first = value.IndexOf(Separator, StringComparison.Ordinal);
            if (first <= 0)
            {
                return false;
            }

            var second = value.IndexOf(Separator, first + Separator.Length, StringComparison.Ordinal);
            if (second <= first + Separator.Length || second + Separator.Length >= value.Length)
            {
                return false;
            }

            var method = value.Substring(second + Separator.Length);
            if (method.IndexOf(Separator, StringComparison.Ordinal) >= 0)
            {
                return false;
            }

            handler = new HandlerString(
                value.Substring(0, first),
                value.Substring(first + Separator.Length, second - first - Separator.Length),
                method);
            return true;
        }

        public bool Equals(HandlerString other) =>
            string.Equals(Assembly, other.Assembly, StringComparison.Ordinal) &&
            string.Equals(TypeName, other.TypeName, StringComparison.Ordinal) &&
            string.Equals(MethodName, other.MethodName, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is HandlerString other && Equals(other);

        public override int GetHashCode() =>
            ((Assembly?.GetHashCode() ?? 0) * 31 + (TypeName?.GetHashCode() ?? 0)) * 31 + (MethodName?.GetHashCode() ?? 0);

        public override string ToString() => Assembly + Separator + TypeName + Separator + MethodName;
    }
}
