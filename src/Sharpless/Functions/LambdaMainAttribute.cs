using System;

namespace Sharpless
{
    /// <summary>
    /// Controls the generated <c>Main</c> that starts the Lambda runtime client (Amazon.Lambda.RuntimeSupport) for an
    /// executable project: custom runtimes (<c>provided.al2023</c>), Native AOT and container images.
    /// </summary>
    /// <remarks>
    /// By default Sharpless generates <c>Main</c> when the project is an executable, references
    /// Amazon.Lambda.RuntimeSupport and declares no entry point of its own. <c>[assembly: LambdaMain]</c> asks for it
    /// regardless of the output type; <c>[assembly: LambdaMain(false)]</c> turns it off.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
    public sealed class LambdaMainAttribute : Attribute
    {
        /// <summary>Asks for (or, with <see langword="false"/>, suppresses) the generated <c>Main</c>.</summary>
        /// <param name="generate">Whether to generate <c>Main</c>.</param>
        public LambdaMainAttribute(bool generate = true)
        {
            Generate = generate;
        }

        /// <summary>Whether Sharpless generates <c>Main</c>.</summary>
        public bool Generate { get; }
    }
}
