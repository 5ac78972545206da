using Microsoft.CodeAnalysis;

namespace Sharpless.Common
{
    /// <summary>Where an operation runs, as <see cref="ExecutionPhaseResolver.Locate"/> decides it.</summary>
    internal readonly struct OperationSite
    {
        public static readonly OperationSite LazilyInitialized = new OperationSite(ExecutionPhase.Init, null, null, isLazilyInitialized: true);

        public OperationSite(ExecutionPhase phase, IMethodSymbol? handler, ISymbol? function, bool isLazilyInitialized)
        {
            Phase = phase;
            Handler = handler;
            Function = function;
            IsLazilyInitialized = isLazilyInitialized;
        }

        public ExecutionPhase Phase { get; }

        /// <summary>The handler whose invocation runs the operation, when <see cref="Phase"/> is Invocation.</summary>
        public IMethodSymbol? Handler { get; }

        /// <summary>The innermost local function holding the operation, else the member whose body or initializer holds it.</summary>
        public ISymbol? Function { get; }

        /// <summary>True when the operation produces a value cached in a field on first use (<c>??=</c>, a null-guarded
        /// assignment, <c>LazyInitializer</c>): it runs once per execution environment wherever it is written.</summary>
        public bool IsLazilyInitialized { get; }
    }
}
