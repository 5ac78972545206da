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
    /// to serve, creates its handler (INIT) and runs Amazon.Lambda.RuntimeSupport's invoke loop with it. Its own INIT
    /// failures go through <c>LambdaInitError</c> (<see cref="LambdaInitErrorEmitter"/>), emitted with it.
    /// </summary>
    internal static class LambdaMainEmitter
    {
        public const string HintName = "Sharpless.Generated.LambdaEntryPoint.g.cs";

        /// <summary>The environment variable that selects the function when the assembly has several.</summary>
        public const string FunctionVariable = "SHARPLESS_FUNCTION";

        // The delegate LambdaBootstrapBuilder.Create takes; every handler's Handle has this shape when RuntimeSupport is referenced.
        private const string HandlerDelegate = "global::System.Func<global::System.IO.Stream, global::Amazon.Lambda.Core.ILambdaContext, global::System.Threading.Tasks.Task<global::System.IO.Stream>>";

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
            writer.Line("/// <summary>Serves the function the environment selects; see <see cref=\"StartAsync\"/>.</summary>");
            writer.Line("public static global::System.Threading.Tasks.Task<int> Main(string[] args) =>");
            writer.Line("    StartAsync(");
            writer.Line("        global::System.Environment.GetEnvironmentVariable(FunctionVariable),");
            writer.Line("        global::System.Environment.GetEnvironmentVariable(\"_HANDLER\"),");
            writer.Line("        global::System.Environment.GetEnvironmentVariable(global::Sharpless.Generated.LambdaInitError.RuntimeApiVariable));");
            writer.Line();
            writer.Line("/// <summary>");
            writer.Line("/// Creates the selected function's handler (INIT) and runs the Lambda runtime client with it. When no function is");
            writer.Line("/// selected, or creating its handler throws, reports the failure to standard error and, inside Lambda, to the");
            writer.Line("/// Runtime API at <paramref name=\"runtimeApi\"/> (<see cref=\"global::Sharpless.Generated.LambdaInitError\"/>), and returns 1.");
            writer.Line("/// </summary>");
            writer.Open("internal static async global::System.Threading.Tasks.Task<int> StartAsync(string? requested, string? handlerSetting, string? runtimeApi)");
            writer.Line("var function = SelectFunction(requested, handlerSetting);");
            writer.Open("if (function is null)");
            writer.Line("var problem = requested is null");
            writer.Line("    ? \"set the \" + FunctionVariable + \" environment variable to the function this executable should serve.\"");
            writer.Line("    : FunctionVariable + \" is '\" + requested + \"', which is not a function in this executable.\";");
            writer.Line("var errorType = requested is null ? global::Sharpless.Generated.LambdaInitError.FunctionNotSelected : global::Sharpless.Generated.LambdaInitError.FunctionNotFound;");
            writer.Line("await global::Sharpless.Generated.LambdaInitError.ReportAsync(runtimeApi, errorType, \"Sharpless: \" + problem + \" Valid values: \" + string.Join(\", \", FunctionNames) + \".\").ConfigureAwait(false);");
            writer.Line("return 1;");
            writer.Close();
            writer.Line();
            writer.Line(HandlerDelegate + " handler;");
            writer.Open("try");
            writer.Line("handler = CreateHandler(function);");
            writer.Close();
            writer.Open("catch (global::System.Exception exception)");
            writer.Line("await global::Sharpless.Generated.LambdaInitError.ReportAsync(runtimeApi, function, exception).ConfigureAwait(false);");
            writer.Line("return 1;");
            writer.Close();
            writer.Line();
            writer.Line("using var bootstrap = global::Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder.Create(handler).Build();");
            writer.Line("await bootstrap.RunAsync().ConfigureAwait(false);");
            writer.Line("return 0;");
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
            writer.Line("// Creating a handler is the function's INIT work: its static constructor reads serializer metadata, builds the");
            writer.Line("// container and creates the function's class, so whatever the user's code throws there surfaces here.");
            writer.Open("private static " + HandlerDelegate + " CreateHandler(string function)");
            writer.Open("switch (function)");
            foreach (var function in functions)
            {
                writer.Line($"case {CSharpText.Literal(function.Name)}:");
                writer.Line($"    return new {function.HandlerType}().Handle;");
            }

            writer.Line("default:");
            writer.Line("    throw new global::System.ArgumentOutOfRangeException(nameof(function), function, \"Not a function in this executable.\");");
            writer.Close();
            writer.Close();
            writer.Close();
            writer.Close();
            return writer.ToString();
        }
    }
}
