using System.Text;

namespace Sharpless.Common
{
    /// <summary>A minimal indented writer for generated C#: four-space indents, '\n' line endings, nothing else.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _builder = new StringBuilder();
        private int _indent;

        public CodeWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
                _builder.Append(text);
            }

            _builder.Append('\n');
            return this;
        }

        /// <summary>Writes <paramref name="text"/> (unless empty: a bare block) and an indented block.</summary>
        public CodeWriter Open(string text)
        {
            if (text.Length > 0)
            {
                Line(text);
            }

            Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Close(string suffix = "")
        {
            _indent--;
            return Line("}" + suffix);
        }

        public override string ToString() => _builder.ToString();
    }
}
