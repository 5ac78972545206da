using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Sharpless.Deployment.Templates
{
    /// <summary>Reads property values to plain text where the template alone decides them.</summary>
    internal static class TemplateValues
    {
        public static bool TryResolveString(
            TemplateNode? node,
            IReadOnlyDictionary<string, TemplateParameter> parameters,
            [NotNullWhen(true)] out string? value)
        {
            value = null;
            if (Intrinsic.TryRead(node, out var intrinsic))
            {
                // A parameter's default is what a deployment gets unless it overrides it; pseudo parameters
                // (AWS::Region, …) and resources have no value here.
                return intrinsic.TryGetRefTarget(out var target) &&
                    parameters.TryGetValue(target, out var parameter) &&
                    parameter.Default is TemplateScalar { IsNull: false, Tag: null } defaultValue &&
                    (value = defaultValue.Value) is not null;
            }

            if (node is TemplateScalar { IsNull: false } scalar)
            {
                value = scalar.Value;
                return true;
            }

            return false;
        }

        public static int? TryResolveInt32(TemplateNode? node, IReadOnlyDictionary<string, TemplateParameter> parameters) =>
            TryResolveString(node, parameters, out var text) &&
            int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? number
                : null;
    }
}
