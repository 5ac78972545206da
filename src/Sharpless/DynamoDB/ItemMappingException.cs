using System;

namespace Sharpless.DynamoDB
{
    /// <summary>
    /// Thrown by a generated mapper's <c>FromItem</c> when an item does not match the model: an attribute of the wrong
    /// DynamoDB type, a number that does not parse, a value out of range. Names the table, the attribute path and what
    /// was expected versus found, so a bad item can be located from the log line alone.
    /// </summary>
    public sealed class ItemMappingException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public ItemMappingException(string tableName, string attributePath, string expected, string found, Exception? innerException = null)
            : base($"Cannot read item of table '{tableName}': attribute '{attributePath}' should be {expected} but is {found}.", innerException)
        {
            TableName = tableName;
            AttributePath = attributePath;
            Expected = expected;
            Found = found;
        }

        /// <summary>
        /// The same error seen from the enclosing map or list: generated mappers call this as the exception leaves a
        /// nested value, so the path is built only when something is wrong (<c>Quantity</c> → <c>[3].Quantity</c> →
        /// <c>Lines[3].Quantity</c>).
        /// </summary>
        /// <param name="parent">The enclosing attribute's name, or an element's <c>[i]</c>.</param>
        public ItemMappingException WithParent(string parent)
        {
            var path = parent.Length == 0 ? AttributePath
                : AttributePath.Length == 0 ? parent
                : AttributePath[0] == '[' ? parent + AttributePath
                : parent + "." + AttributePath;
            return new ItemMappingException(TableName, path, Expected, Found, InnerException);
        }

        /// <summary>The table the model maps to.</summary>
        public string TableName { get; }

        /// <summary>The path of the offending attribute, e.g. <c>Lines[3].Sku</c>.</summary>
        public string AttributePath { get; }

        /// <summary>What the model needs at that path.</summary>
        public string Expected { get; }

        /// <summary>What the item holds there.</summary>
        public string Found { get; }
    }
}
