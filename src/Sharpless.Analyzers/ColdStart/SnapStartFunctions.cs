using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Sharpless.Common;
using Sharpless.Deployment.Templates;

namespace Sharpless.ColdStart
{
    /// <summary>
    /// Which code of this compilation runs during INIT of a function that has SnapStart enabled
    /// (<c>SnapStart: ApplyOn: PublishedVersions</c> on the function or in <c>Globals.Function</c>): the type its handler
    /// string names (constructors, static constructor, field and property initializers), or, for an executable whose
    /// <c>Handler</c> is the assembly name, the top-level statements.
    /// A Sharpless-generated handler type (<c>Class_Function_Handler</c>) stands for the user's <c>Class</c>, whose
    /// constructor the generated handler runs during INIT.
    /// </summary>
    internal sealed class SnapStartFunctions
    {
        private readonly Dictionary<INamedTypeSymbol, TemplateFunction> _types;

        private SnapStartFunctions(Dictionary<INamedTypeSymbol, TemplateFunction> types, TemplateFunction? executable)
        {
            _types = types;
            Executable = executable;
        }

        /// <summary>The SnapStart function whose handler is this executable's assembly (top-level statements are its INIT).</summary>
        public TemplateFunction? Executable { get; }

        public bool IsEmpty => _types.Count == 0 && Executable is null;

        public static SnapStartFunctions Read(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var types = new Dictionary<INamedTypeSymbol, TemplateFunction>(SymbolEqualityComparer.Default);
            TemplateFunction? executable = null;
            foreach (var template in DeploymentDocuments.Read(options, cancellationToken).Templates)
            {
                foreach (var function in template.Functions)
                {
                    if (!function.IsSnapStartEnabled || function.Handler is not { } handler)
                    {
                        continue;
                    }

                    if (HandlerString.TryParse(handler, out var parsed))
                    {
                        if (string.Equals(parsed.Assembly, compilation.AssemblyName, StringComparison.OrdinalIgnoreCase) &&
                            HandlerTargets.FindType(compilation, parsed.TypeName) is { } type &&
                            !types.ContainsKey(type))
                        {
                            types.Add(type, function);
                        }
                    }
                    else if (string.Equals(handler.Trim(), compilation.AssemblyName, StringComparison.OrdinalIgnoreCase))
                    {
                        executable ??= function;
                    }
                }
            }

            return new SnapStartFunctions(types, executable);
        }

        /// <summary>The SnapStart function whose INIT runs this type's constructors and initializers, if any.</summary>
        public TemplateFunction? FunctionFor(INamedTypeSymbol? type) =>
            type is not null && _types.TryGetValue(type.OriginalDefinition, out var function) ? function : null;
    }
}
