using System.Runtime.CompilerServices;

// The self-tests reach the internal seams (baseline directory, update switch) instead of mutating process state.
[assembly: InternalsVisibleTo("Sharpless.TestKit.Tests")]
