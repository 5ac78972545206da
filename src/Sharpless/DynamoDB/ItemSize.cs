using System;
using System.Text;

namespace Sharpless.DynamoDB
{
    /// <summary>
    /// DynamoDB's item-size rules, the one source of truth for both the run-time size of an item
    /// (a generated mapper's <c>GetItemSize</c>) and the compile-time worst case (the item-size analyzer compiles this
    /// same file). Rules from the DynamoDB Developer Guide, "DynamoDB item sizes and formats" and "Constraints":
    /// names and strings count their UTF-8 bytes, binaries their raw bytes, numbers one byte per pair of significant
    /// digits plus one, BOOL and NULL one byte, a list or map three bytes plus one per element, a set the sum of its
    /// elements. 400 KB is 409,600 bytes.
    /// </summary>
#if SHARPLESS_ANALYZER
    internal
#else
    public
#endif
    static class ItemSize
    {
        /// <summary>The largest item DynamoDB stores: 400 KB of 1,024 bytes.</summary>
        public const int MaxItemBytes = 400 * 1024;

        /// <summary>Largest partition key value in bytes.</summary>
        public const int MaxPartitionKeyBytes = 2048;

        /// <summary>Largest sort key value in bytes.</summary>
        public const int MaxSortKeyBytes = 1024;

        /// <summary>Overhead of a List or Map, whatever its contents.</summary>
        public const int ContainerOverhead = 3;

        /// <summary>Overhead of each element of a List or Map.</summary>
        public const int ElementOverhead = 1;

        /// <summary>Size of a BOOL or NULL value.</summary>
        public const int BoolOrNull = 1;

        /// <summary>UTF-8 length of a string value or an attribute name.</summary>
        public static int OfString(string value) => Encoding.UTF8.GetByteCount(value);

        /// <summary>
        /// Size of a number given in DynamoDB's text form. DynamoDB stores the significant digits in base-100 pairs
        /// aligned to the decimal point, plus one byte (and one more when negative); zero is one byte.
        /// </summary>
        public static int OfNumber(string value)
        {
            var negative = false;
            var firstDigitPosition = int.MinValue; // power of ten of the first significant digit
            var lastDigitPosition = int.MinValue;  // power of ten of the last significant digit
            var exponent = 0;
            var digitsBeforePoint = 0;
            var seenPoint = false;
            var index = 0;
            var significantIndex = 0; // digits seen so far, counted from the first digit of the mantissa
            var firstSignificantIndex = -1;
            var lastSignificantIndex = -1;

            if (index < value.Length && (value[index] == '-' || value[index] == '+'))
            {
                negative = value[index] == '-';
                index++;
            }

            for (; index < value.Length; index++)
            {
                var c = value[index];
                if (c >= '0' && c <= '9')
                {
                    if (!seenPoint)
                    {
                        digitsBeforePoint++;
                    }

                    if (c != '0')
                    {
                        if (firstSignificantIndex < 0)
                        {
                            firstSignificantIndex = significantIndex;
                        }

                        lastSignificantIndex = significantIndex;
                    }

                    significantIndex++;
                }
                else if (c == '.')
                {
                    seenPoint = true;
                }
                else if (c == 'e' || c == 'E')
                {
                    if (!int.TryParse(value.Substring(index + 1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out exponent))
                    {
                        exponent = 0;
                    }

                    break;
                }
            }

            if (firstSignificantIndex < 0)
            {
                return 1; // zero
            }

            // Digit i of the mantissa sits at power of ten (digitsBeforePoint - 1 - i) + exponent.
            firstDigitPosition = digitsBeforePoint - 1 - firstSignificantIndex + exponent;
            lastDigitPosition = digitsBeforePoint - 1 - lastSignificantIndex + exponent;
            var pairs = FloorDiv2(firstDigitPosition) - FloorDiv2(lastDigitPosition) + 1;
            return 1 + pairs + (negative ? 1 : 0);
        }

        /// <summary>Size of a binary value: its raw bytes (base64 is only the wire format).</summary>
        public static int OfBinary(int length) => length;

        /// <summary>
        /// The largest size of a number with up to <paramref name="significantDigits"/> significant digits: one byte per
        /// base-100 pair plus one, one more when negative. Pairs align to the decimal point, so d digits of an integer
        /// span (d + 1) / 2 pairs, and d digits that can sit anywhere around the point span d / 2 + 1.
        /// </summary>
        public static int WorstCaseNumber(int significantDigits, bool canBeNegative, bool canBeFractional)
        {
            var digits = Math.Min(significantDigits, 38);
            var pairs = canBeFractional ? digits / 2 + 1 : (digits + 1) / 2;
            return 1 + Math.Min(pairs, 20) + (canBeNegative ? 1 : 0);
        }

        private static int FloorDiv2(int value) => value >= 0 ? value / 2 : -((-value + 1) / 2);
    }
}
