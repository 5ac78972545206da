using System;
using System.Linq;

namespace Sharpless.Events
{
    /// <summary>
    /// EventBridge schedule expressions, checked as EventBridge checks them when the rule is created: <c>rate(value
    /// unit)</c> with a positive whole value and a unit that agrees with it (<c>rate(1 hour)</c>, <c>rate(5 hours)</c>),
    /// or <c>cron(minutes hours day-of-month month day-of-week year)</c> with exactly one of the two day fields <c>?</c>.
    /// </summary>
    internal static class ScheduleExpressions
    {
        /// <summary>Why EventBridge would refuse the expression, or null when it is well formed.</summary>
        public static string? Problem(string expression)
        {
            var text = expression.Trim();
            if (text.StartsWith("rate(", StringComparison.Ordinal) && text.EndsWith(")", StringComparison.Ordinal))
            {
                return RateProblem(text.Substring(5, text.Length - 6).Trim());
            }

            if (text.StartsWith("cron(", StringComparison.Ordinal) && text.EndsWith(")", StringComparison.Ordinal))
            {
                return CronProblem(text.Substring(5, text.Length - 6));
            }

            return "a schedule is rate(value unit) or cron(minutes hours day-of-month month day-of-week year)";
        }

        private static string? RateProblem(string body)
        {
            var parts = body.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) || value < 1)
            {
                return "a rate is a positive whole number and a unit, such as rate(5 minutes)";
            }

            var unit = parts[1];
            var singular = unit is "minute" or "hour" or "day";
            var plural = unit is "minutes" or "hours" or "days";
            if (!singular && !plural)
            {
                return "the unit of a rate is minute(s), hour(s) or day(s)";
            }

            if (value == 1 && plural)
            {
                return $"a value of 1 takes the singular unit: rate(1 {unit.TrimEnd('s')})";
            }

            return value > 1 && singular ? $"a value above 1 takes the plural unit: rate({value} {unit}s)" : null;
        }

        private static string? CronProblem(string body)
        {
            var fields = body.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length != 6)
            {
                return $"a cron expression has six fields (minutes hours day-of-month month day-of-week year), not {fields.Length}";
            }

            var dayOfMonthAny = fields[2] == "?";
            var dayOfWeekAny = fields[4] == "?";
            if (dayOfMonthAny == dayOfWeekAny)
            {
                return "exactly one of day-of-month and day-of-week must be '?' (cron(0 12 * * ? *), cron(0 8 ? * MON-FRI *))";
            }

            return fields.Any(f => f.Length == 0) ? "a cron field is empty" : null;
        }
    }
}
