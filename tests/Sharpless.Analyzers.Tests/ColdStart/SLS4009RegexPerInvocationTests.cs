using Sharpless.Analyzers.Tests.Common;

namespace Sharpless.Analyzers.Tests.ColdStart;

public sealed class SLS4009RegexPerInvocationTests
{
    private static TestKit.ProjectBuilder Project(string code) => PerInvocationProject.Create(code, "SLS4009");

    [Fact]
    public Task RegexInAHandler_IsReported() => Project("""
        using System.Text.RegularExpressions;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public bool Handle(string sku) => [|new Regex("^[A-Z]{3}-[0-9]{4}$", RegexOptions.Compiled)|].IsMatch(sku);
        }
        """)
        .ShouldReportDiagnosticWithMessage("'Regex' is created on every invocation of 'Function.Handle'; constructing a Regex parses the pattern and builds its matcher each time: keep it in a static readonly field or use [GeneratedRegex]")
        .ValidateAsync();

    [Fact]
    public Task StaticRegexes_CachedRegexes_AndStaticHelpers_AreNotReported() => Project("""
        using System.Text.RegularExpressions;
        using Sharpless;
        public class Function
        {
            private static readonly Regex s_sku = new("^[A-Z]{3}$");
            private static Regex? s_digits;

            private static Regex Digits() => s_digits ??= new Regex("^[0-9]+$");

            [LambdaFunction]
            public bool Handle(string sku) => s_sku.IsMatch(sku) && Digits().IsMatch(sku) && Regex.IsMatch(sku, "^[A-Z]");
        }
        """)
        .ValidateAsync();

    [Fact]
    public Task Fix_MovesTheRegexToAStaticField() => Project("""
        using System.Text.RegularExpressions;
        using Sharpless;
        public class Function
        {
            [LambdaFunction]
            public bool Handle(string sku)
            {
                var pattern = [|new Regex("^[A-Z]{3}-[0-9]{4}$")|];
                return pattern.IsMatch(sku);
            }
        }
        """)
        .ShouldFixCodeWith("""
        using System.Text.RegularExpressions;
        using Sharpless;
        public class Function
        {
            private static readonly Regex _pattern = new Regex("^[A-Z]{3}-[0-9]{4}$");

            [LambdaFunction]
            public bool Handle(string sku)
            {
                return _pattern.IsMatch(sku);
            }
        }
        """)
        .ValidateAsync();
}
