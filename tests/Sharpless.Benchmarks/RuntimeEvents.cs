namespace Sharpless.Benchmarks;

/// <summary>
/// How every suite here hands an event to a handler: as Amazon.Lambda.RuntimeSupport does. Its Runtime API client reads
/// the invocation's body into a byte array and passes the handler <c>new MemoryStream(bytes)</c> (RuntimeSupport 1.x and
/// 2.x, <c>InternalRuntimeApiClient.NextAsync</c>) — a new stream per invocation whose buffer is <b>not</b> exposed:
/// <c>TryGetBuffer</c> returns false and <c>GetBuffer</c> throws. Creating that stream (a few dozen bytes) is the
/// runtime's cost and is inside every measurement, for every contender alike.
/// </summary>
public static class RuntimeEvents
{
    /// <summary>The event as the Lambda runtime hands it over.</summary>
    public static MemoryStream AsTheRuntimeHandsItOver(byte[] bytes) => new(bytes);

    /// <summary>
    /// A stream that exposes its buffer, which the generated code reads in place. Before issue #21 every suite used this
    /// shape, believing it was the runtime's; it stays as the floor a runtime stream is compared with.
    /// </summary>
    public static MemoryStream Exposed(byte[] bytes) => new(bytes, 0, bytes.Length, writable: false, publiclyVisible: true);

    /// <summary>
    /// What the generated code did with the runtime's stream before issue #21: copy it into a new growable
    /// <c>MemoryStream</c>, then read that copy in place. Handing the current code this copy runs exactly the old path
    /// (its in-place path did not change), so "before" and "after" are measured in one run.
    /// </summary>
    public static MemoryStream CopiedAsBeforeIssue21(byte[] bytes)
    {
        var copy = new MemoryStream();
        AsTheRuntimeHandsItOver(bytes).CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
