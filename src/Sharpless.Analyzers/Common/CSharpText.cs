using Microsoft.CodeAnalysis.CSharp;

namespace Sharpless.Common
{
    /// <summary>How the function and HTTP emitters write names and text into generated C# and its XML docs.</summary>
    internal static class CSharpText
    {
        public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

        /// <summary>A name as an identifier: <c>@</c>-escaped when it is a keyword.</summary>
        public static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;

        public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
    }
}
