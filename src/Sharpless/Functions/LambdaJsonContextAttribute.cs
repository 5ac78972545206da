using System;

namespace Sharpless
{
    /// <summary>
    /// Names the source-generated <c>System.Text.Json.Serialization.JsonSerializerContext</c> that generated Lambda
    /// handlers use for event payloads and results. On the assembly it applies to every function; on a class, to the
    /// functions that class and its nested classes declare (the innermost class's wins, and a class's wins over the
    /// assembly's). The context may live in a referenced assembly.
    /// </summary>
    /// <remarks>
    /// Without it, handlers use the first context in the project (by full name) whose <c>[JsonSerializable]</c> types
    /// include the payload or result type. A type missing from the named context is a compile-time error (SLS1010),
    /// because Native AOT would only find out at run time.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class LambdaJsonContextAttribute : Attribute
    {
        /// <summary>Uses <paramref name="contextType"/> for the functions in scope.</summary>
        /// <param name="contextType">A class deriving from <c>JsonSerializerContext</c>.</param>
        public LambdaJsonContextAttribute(Type contextType)
        {
            ContextType = contextType;
        }

        /// <summary>The <c>JsonSerializerContext</c> type.</summary>
        public Type ContextType { get; }
    }
}
