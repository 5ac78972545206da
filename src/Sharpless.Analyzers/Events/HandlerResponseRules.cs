using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Sharpless.Common;

namespace Sharpless.Events
{
    /// <summary>
    /// SLS7003 and SLS7004: the handler's return type against the trigger's <c>FunctionResponseTypes</c>. Reported in
    /// code, where the fix usually is (or where a reader sees why the template matters).
    /// </summary>
    internal static class HandlerResponseRules
    {
        public static void Check(Compilation compilation, TemplateTrigger trigger, List<Diagnostic> diagnostics)
        {
            if (trigger.BatchFailureReporting == BatchFailureReporting.Unknown ||
                FindHandler(compilation, trigger.Function.Handler) is not { } method ||
                Declaration(method) is not { } declaration)
            {
                return;
            }

            var response = BatchResponseTypes.Classify(method);
            var name = method.ContainingType.Name + "." + method.Name;
            if (response == BatchResponseKind.BatchResponse && trigger.BatchFailureReporting == BatchFailureReporting.Off)
            {
                diagnostics.Add(Diagnostic.Create(
                    EventRules.FailuresIgnored,
                    declaration.ReturnType.GetLocation(),
                    name,
                    trigger.Name,
                    trigger.Function.LogicalId,
                    trigger.ItemNoun + "s"));
            }
            else if (response == BatchResponseKind.NoBatchResponse && trigger.BatchFailureReporting == BatchFailureReporting.On)
            {
                diagnostics.Add(Diagnostic.Create(
                    EventRules.FailuresNeverReported,
                    declaration.Identifier.GetLocation(),
                    trigger.Name,
                    trigger.Function.LogicalId,
                    name,
                    method.ReturnsVoid ? "void" : method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
                    trigger.ItemNoun));
            }
        }

        /// <summary>
        /// The method a class-library handler string names in this assembly. A generated wrapper (Sharpless's
        /// <c>_Handler</c> types) builds its own response from the user's method, so it is not judged here.
        /// </summary>
        private static IMethodSymbol? FindHandler(Compilation compilation, string? handler)
        {
            if (!HandlerString.TryParse(handler, out var parsed) ||
                !string.Equals(parsed.Assembly, compilation.AssemblyName, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var type = HandlerTargets.Find(compilation, parsed.TypeName, out var generatedFunction);
            return type is null || generatedFunction is not null ? null : HandlerTargets.FindMethod(type, parsed.MethodName);
        }

        /// <summary>The method's declaration in this project's code (not a base type from a referenced assembly).</summary>
        private static MethodDeclarationSyntax? Declaration(IMethodSymbol method)
        {
            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax() is MethodDeclarationSyntax declaration)
                {
                    return declaration;
                }
            }

            return null;
        }
    }
}
