using System.Diagnostics;
using System.Text.Json;
using Sharpless.Generated;

namespace Sharpless.Benchmarks.Events;

/// <summary>
/// <c>--event-profile</c>: where the time and the bytes of one invocation go, piece by piece, for both scenarios of
/// issue #23 — the generated handler, its event reading alone, and the work every approach shares (the bodies'
/// deserialization; the images' mapping). Medians of many single-threaded runs after 1.5 s of warm-up; bytes are exact
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>).
/// </summary>
public static class EventHandlerProfile
{
    public static void Run()
    {
        var sqsEvent = SqsBatchData.Event;
        var bodies = SqsBatchData.Orders.Select(order => JsonSerializer.SerializeToUtf8Bytes(order, SqsFunctionJson.Default.OrderMessage)).ToArray();
        var sqsHandler = new OrderQueueConsumer_Handle_Handler();
        var sqsBaseline = StjSqsHandler.SourceGenerated();
        Console.WriteLine("SQS, 10 messages, per invocation:");
        Print("baseline: STJ source-generated, whole invocation", () => sqsBaseline.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(sqsEvent)));
        Print("baseline: SQSEvent only", () => JsonSerializer.Deserialize(RuntimeEvents.AsTheRuntimeHandsItOver(sqsEvent), SqsFunctionJson.Default.SQSEvent));
        Print("generated handler, whole invocation", () => sqsHandler.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(sqsEvent)).GetAwaiter().GetResult());
        Print("generated: reading the batch only (SqsEventRuntime.Read)", () =>
        {
            using var batch = SqsEventRuntime.Read(RuntimeEvents.AsTheRuntimeHandsItOver(sqsEvent), "Handle", withDetails: false);
            return batch.Messages.Count;
        });
        Print("shared floor: the 10 bodies from UTF-8 into OrderMessage", () =>
        {
            var count = 0;
            foreach (var body in bodies)
            {
                count += JsonSerializer.Deserialize(body, SqsFunctionJson.Default.OrderMessage)!.Lines.Count;
            }

            return count;
        });
        Print("floor: one Utf8JsonReader pass over the event", () => Tokens(sqsEvent));

        var streamEvent = DynamoDBStreamData.Event;
        var streamHandler = new OrdersProjector_OnChange_Handler();
        var records = DynamoDBStreamRuntime.Read(RuntimeEvents.AsTheRuntimeHandsItOver(streamEvent), "OnChange");
        var (client, context) = BenchmarkData.CreateContext();
        using (client)
        using (context)
        {
            var streamBaseline = StjDynamoDBStreamHandler.SourceGenerated(context);
            var parsed = JsonSerializer.Deserialize(streamEvent, StreamFunctionJson.Default.DynamoDBEvent)!;
            Console.WriteLine();
            Console.WriteLine("DynamoDB stream, 100 records (166 images), per invocation:");
            Print("baseline: whole invocation", () => streamBaseline.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(streamEvent)), rounds: 31);
            Print("baseline: DynamoDBEvent only", () => JsonSerializer.Deserialize(RuntimeEvents.AsTheRuntimeHandsItOver(streamEvent), StreamFunctionJson.Default.DynamoDBEvent), rounds: 31);
            Print("baseline: event attribute values to the SDK's only", () =>
            {
                var count = 0;
                foreach (var record in parsed.Records)
                {
                    count += StjDynamoDBStreamHandler.ToSdk(record.Dynamodb.NewImage!).Count;
                    count += record.Dynamodb.OldImage is { } old ? StjDynamoDBStreamHandler.ToSdk(old).Count : 0;
                }

                return count;
            }, rounds: 31);
            Print("generated handler, whole invocation", () => streamHandler.Handle(RuntimeEvents.AsTheRuntimeHandsItOver(streamEvent)).GetAwaiter().GetResult(), rounds: 31);
            Print("generated: reading the records into SDK attribute maps only", () => DynamoDBStreamRuntime.Read(RuntimeEvents.AsTheRuntimeHandsItOver(streamEvent), "OnChange").Count, rounds: 31);
            Print("generated: the mapper's FromItem over the 166 images only", () =>
            {
                var count = 0;
                foreach (var record in records)
                {
                    count += StoredOrderMapper.FromItem(record.NewImage!).Lines!.Count;
                    count += record.OldImage is { } old ? StoredOrderMapper.FromItem(old).Lines!.Count : 0;
                }

                return count;
            }, rounds: 31);
            Print("floor: one Utf8JsonReader pass over the event", () => Tokens(streamEvent), rounds: 31);
        }
    }

    private static int Tokens(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        var tokens = 0;
        while (reader.Read()) tokens++;
        return tokens;
    }

    private static void Print(string name, Func<object?> action, int rounds = 301)
    {
        // Long enough for tiered compilation to reach its optimized code (a fixed 50 calls measured tier-0 code at 3-4x).
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 50 || warm.ElapsedMilliseconds < 1500; i++) action();
        var times = new double[rounds];
        long bytes = 0;
        for (var i = 0; i < rounds; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var start = Stopwatch.GetTimestamp();
            GC.KeepAlive(action());
            times[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Array.Sort(times);
        Console.WriteLine($"  {name,-62} {times[rounds / 2],10:N1} µs {bytes,12:N0} B");
    }
}
