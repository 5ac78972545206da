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

        /// <summary>
        /// <see cref="TryParse"/>, and each part has the shape the runtime can load: an assembly name (letters, digits,
        /// <c>_</c>, <c>.</c>, <c>-</c>), a type name of identifiers joined by <c>.</c> or <c>+</c>, and a method
        /// identifier. Text scanned out of code (a CDK stack, Terraform) needs this; a <c>Handler:</c> value is trusted
        /// as written.
        /// </summary>
        public static bool TryParseWellFormed(string? text, out HandlerString handler)
        {
            if (!TryParse(text, out handler) ||
                !IsAssemblyName(handler.Assembly) ||
                !IsTypeName(handler.TypeName) ||
                !IsIdentifier(handler.MethodName, 0, handler.MethodName.Length))
            {
                handler = default;
                return false;
            }

            return true;
        }

        /// <summary>Whether the type has a namespace (<c>Ns.Type</c>), as nearly every real handler's does.</summary>
        public bool HasNamespace => TypeName is not null && TypeName.IndexOf('.') > 0;

        private static bool IsAssemblyName(string text)
        {
            if (text.Length == 0 || !(char.IsLetter(text[0]) || text[0] == '_'))
            {
                return false;
            }

            foreach (var c in text)
            {
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '-'))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsTypeName(string text)
        {
            var start = 0;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i == text.Length || text[i] == '.' || text[i] == '+')
                {
                    if (!IsIdentifier(text, start, i - start))
                    {
                        return false;
                    }

                    start = i + 1;
                }
            }

            return true;
        }

        private static bool IsIdentifier(string text, int start, int length)
        {
            if (length <= 0 || !(char.IsLetter(text[start]) || text[start] == '_'))
            {
                return false;
            }

            for (var i = start + 1; i < start + length; i++)
            {
                if (!(char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    return false;
                }
            }

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
