using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Sharpless.Common;

namespace Sharpless.Functions
{
    /// <summary>A function as the generated <c>Main</c> starts it.</summary>
    internal sealed record MainEntry(string Name, string HandlerType, string HandlerString);

    /// <summary>
    /// Writes <c>Main</c> for executable projects (custom runtime, Native AOT, container images): it picks the function
    /// to serve, creates its handler (INIT) and runs Amazon.Lambda.RuntimeSupport's invoke loop with it.
    /// </summary>
    internal static class LambdaMainEmitter
    {
        public const string HintName = "Sharpless.Generated.LambdaEntryPoint.g.cs";

        /// <summary>The environment variable that selects the function when the assembly has several.</summary>
        public const string FunctionVariable = "SHARPLESS_FUNCTION";

        public static string Emit(IReadOnlyList<MainEntry> functions, string version)
        {
            var writer = new CodeWriter();
            writer.FileHeader();
            writer.Open("namespace Sharpless.Generated");
            writer.Line("/// <summary>");
            writer.Line("/// The entry point of this Lambda executable. It serves one function: the only one, or the one named by the");
            writer.Line($"/// {FunctionVariable} environment variable (or by the function's handler setting, <c>_HANDLER</c>).");
            writer.Line("/// </summary>");
            writer.Line($"[global::System.CodeDom.Compiler.GeneratedCode(\"Sharpless\", \"{version}\")]");
            writer.Open("internal static class LambdaEntryPoint");
            writer.Line("/// <summary>The environment variable that selects the function to serve.</summary>");
            writer.Line($"public const string FunctionVariable = \"{FunctionVariable}\";");
            writer.Line();
            writer.Line("/// <summary>The names of the functions this executable can serve.</summary>");
            writer.Line("public static readonly string[] FunctionNames = { " + string.Join(", ", functions.Select(f => CSharpText.Literal(f.Name))) + " };");
            writer.Line();
            writer.Line("/// <summary>Starts the Lambda runtime client for the selected function; returns 1, naming the valid values, when none is selected.</summary>");
            writer.Open("public static async global::System.Threading.Tasks.Task<int> Main(string[] args)");
            writer.Line("var requested = global::System.Environment.GetEnvironmentVariable(FunctionVariable);");
            writer.Line("var function = SelectFunction(requested, global::System.Environment.GetEnvironmentVariable(\"_HANDLER\"));");
            writer.Open("switch (function)");
            foreach (var function in functions)
            {
                writer.Line($"case {CSharpText.Literal(function.Name)}:");
                writer.Line($"    return await RunAsync(new {function.HandlerType}().Handle).ConfigureAwait(false);");
            }

            writer.Close();
            writer.Line();
            writer.Line("global::System.Console.Error.WriteLine(requested is null");
            writer.Line("    ? \"Sharpless: set the \" + FunctionVariable + \" environment variable to the function this executable should serve. Valid values: \" + string.Join(\", \", FunctionNames) + \".\"");
            writer.Line("    : \"Sharpless: \" + FunctionVariable + \" is '\" + requested + \"', which is not a function in this executable. Valid values: \" + string.Join(\", \", FunctionNames) + \".\");");
            writer.Line("return 1;");
            writer.Close();
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line($"/// The function to serve: the one {FunctionVariable} names; else the one whose name or handler string is the");
            writer.Line("/// handler setting; else the only function. Null when the choice is missing or wrong.");
            writer.Line("/// </summary>");
            writer.Open("internal static string? SelectFunction(string? requested, string? handlerSetting)");
            writer.Open("if (requested is not null)");
            writer.Line("return global::System.Array.IndexOf(FunctionNames, requested) >= 0 ? requested : null;");
            writer.Close();
            writer.Line();
            writer.Open("switch (handlerSetting)");
            foreach (var function in functions)
            {
                writer.Line($"case {CSharpText.Literal(function.Name)}:");
                writer.Line($"case {CSharpText.Literal(function.HandlerString)}:");
                writer.Line($"    return {CSharpText.Literal(function.Name)};");
            }

            writer.Close();
            writer.Line();
            writer.Line($"return FunctionNames.Length == 1 ? FunctionNames[0] : null;");
            writer.Close();
            writer.Line();
            writer.Open("private static async global::System.Threading.Tasks.Task<int> RunAsync(global::System.Func<global::System.IO.Stream, global::Amazon.Lambda.Core.ILambdaContext, global::System.Threading.Tasks.Task<global::System.IO.Stream>> handler)");
            writer.Line("using var bootstrap = global::Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder.Create(handler).Build();");
            writer.Line("await bootstrap.RunAsync().ConfigureAwait(false);");
            writer.Line("return 0;");
            writer.Close();
            writer.Close();
            writer.Close();
            return writer.ToString();
        }

    }
}
