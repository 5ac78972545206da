using System;

namespace Sharpless.DynamoDB
{
    /// <summary>
    /// Size bounds that <c>System.ComponentModel.DataAnnotations</c> cannot express, for the compile-time proof that a
    /// DynamoDB item fits in 400 KB: the elements of a collection, the keys of a dictionary, nested collections.
    /// Lengths are in characters for strings (UTF-16 code units) and in bytes for binary values; counts in elements.
    /// <c>[MaxLength]</c>, <c>[StringLength]</c> and <c>[Length]</c> still bound the member itself.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
    public sealed class ItemBoundsAttribute : Attribute
    {
        /// <summary>The most elements the collection or dictionary holds (like <c>[MaxLength]</c> on a collection).</summary>
        public int MaxCount { get; set; } = -1;

        /// <summary>The longest string or binary value (like <c>[MaxLength]</c> on a string).</summary>
        public int MaxLength { get; set; } = -1;

        /// <summary>The most elements of each inner collection (a <c>List&lt;List&lt;T&gt;&gt;</c>, a dictionary of lists).</summary>
        public int ElementMaxCount { get; set; } = -1;

        /// <summary>The longest string or binary element or dictionary value.</summary>
        public int ElementMaxLength { get; set; } = -1;

        /// <summary>The longest dictionary key (keys are stored as attribute names of the map).</summary>
        public int KeyMaxLength { get; set; } = -1;
    }
}
