using Microsoft.CodeAnalysis;

namespace Sharpless.Common
{
    /// <summary>
    /// One kind of work that should happen once per execution environment but is found in per-invocation code
    /// (an SDK client, a connection pool, serializer options, a host…). A rule only recognises the operation; where it
    /// runs — directly in a handler, or in code a handler calls — is decided once for all rules by
    /// <see cref="PerInvocationWorkAnalyzer"/>.
    /// <para>
    /// Every rule has two descriptors with the same ID: <see cref="Descriptor"/> for work written in a handler body,
    /// reported live while typing, and <see cref="ViaDescriptor"/> for work reached through calls, reported when the
    /// whole compilation has been seen. Their message formats take the same three arguments: {0} the subject,
    /// {1} "of 'Function.Handle'" or "via Function.Handle → GetSecret", {2} an optional note.
    /// </para>
    /// </summary>
    internal abstract class PerInvocationRule
    {
        protected PerInvocationRule(DiagnosticDescriptor descriptor)
        {
            Descriptor = descriptor;
            ViaDescriptor = RuleDescriptors.AsCompilationEnd(descriptor);
        }

        public DiagnosticDescriptor Descriptor { get; }

        public DiagnosticDescriptor ViaDescriptor { get; }

        /// <summary>
        /// True for work the "hoist to a field" fix can move: the message then says when invocation state (a parameter
        /// or local) keeps it from moving as written, since the fix is not offered in that case.
        /// </summary>
        public virtual bool IsHoistable => true;

        /// <summary>The name to show for the work <paramref name="operation"/> does, or null when the rule does not apply.
        /// Called for object creations and invocations.</summary>
        public abstract string? Match(IOperation operation);

        /// <summary>
        /// True when merely creating an instance of <paramref name="type"/> is the work this rule reports. Asked for the
        /// implementation types of container registrations (<c>AddTransient&lt;IAmazonS3, AmazonS3Client&gt;()</c>), where
        /// the container, not the user's code, runs the constructor. Rules whose work depends on arguments (a connection
        /// string that disables pooling) keep the default.
        /// </summary>
        public virtual bool IsCreationOf(ITypeSymbol type) => false;
    }
}
