namespace Sharpless.Common
{
    /// <summary>When a piece of code runs in a Lambda execution environment.</summary>
    internal enum ExecutionPhase
    {
        /// <summary>Not handler code, as far as Sharpless can tell (helpers, properties, unrelated types).</summary>
        Unknown = 0,

        /// <summary>Once per execution environment: constructors, static constructors, field and property
        /// initializers, top-level statements of an executable, lazily-initialised shared fields.</summary>
        Init,

        /// <summary>On every invocation: the body of a handler.</summary>
        Invocation,
    }
}
