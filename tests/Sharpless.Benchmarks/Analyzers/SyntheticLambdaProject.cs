using System.Globalization;
using System.Text;

namespace Sharpless.Benchmarks.Analyzers;

/// <summary>The kinds of file <see cref="SyntheticLambdaProject"/> writes.</summary>
public enum SyntheticFileKind
{
    /// <summary>First file of every module: its <c>JsonSerializerContext</c> and the helpers its handlers call.</summary>
    ModuleShared,

    /// <summary>A <c>[LambdaFunction]</c> class, its payload records and the service its handler calls.</summary>
    Function,

    /// <summary>A class with four <c>[HttpApi]</c> route methods and its DTO records.</summary>
    Route,

    /// <summary>A <c>[DynamoDBTable]</c> model with bounded members and a nested type.</summary>
    Model,

    /// <summary>Ordinary business logic, nothing Lambda-specific: records, LINQ, async, switch expressions.</summary>
    Plain,
}

/// <summary>The per-invocation mistakes planted in a few handlers.</summary>
public enum SyntheticMistake
{
    None,

    /// <summary><c>new HttpClient()</c> in a handler (SLS5002).</summary>
    HttpClient,

    /// <summary><c>new JsonSerializerOptions(...)</c> in a handler.</summary>
    JsonSerializerOptions,

    /// <summary><c>new Regex(...)</c> in a handler.</summary>
    Regex,
}

/// <summary>
/// The shape of a synthetic project. Shares are weights (normalized over their sum); every module (a namespace of
/// <see cref="FilesPerModule"/> files) starts with one <see cref="SyntheticFileKind.ModuleShared"/> file, the others
/// are spread evenly over the kinds in proportion to the shares.
/// </summary>
public sealed record SyntheticProjectOptions
{
    /// <summary>Number of C# files, shared module files included.</summary>
    public int Files { get; init; } = 1_000;

    public int FilesPerModule { get; init; } = 50;

    public double FunctionShare { get; init; } = 0.25;

    public double RouteShare { get; init; } = 0.15;

    public double ModelShare { get; init; } = 0.15;

    public double PlainShare { get; init; } = 0.45;

    /// <summary>Handler files (functions and routes) carrying one per-invocation mistake, as a percentage of all files.</summary>
    public double MistakePercent { get; init; } = 5;

    public string RootNamespace { get; init; } = "Synthetic";

    /// <summary>
    /// Whether function and route classes name their module's context with <c>[LambdaJsonContext]</c>; without it
    /// Sharpless picks the first context (by name) that can serialize each type.
    /// </summary>
    public bool ExplicitJsonContexts { get; init; } = true;

    /// <summary>
    /// Whether the project carries a SAM template (every function, the router, VpcConfig and an RDS Proxy endpoint in
    /// Globals) and each module reads the proxy's environment variable, so the analyzers that read deployment files
    /// do their real work: parse the template, build the function catalog, resolve the variable.
    /// </summary>
    public bool DeploymentFiles { get; init; }

    /// <summary>The defaults for <paramref name="files"/> files: 25% functions, 15% route classes, 15% models, 5% mistakes.</summary>
    public static SyntheticProjectOptions ForFiles(int files) => new() { Files = files };

    /// <summary>
    /// The project of issue #11's build-cost measurement: <paramref name="n"/> <c>[LambdaFunction]</c> files,
    /// <paramref name="n"/> <c>[HttpApi]</c> routes (four per route class, so n ÷ 4 route files, rounded up) and
    /// <paramref name="n"/> <c>[DynamoDBTable]</c> models, with no filler of plain business logic: only the module files
    /// every 50 files that hold the JSON contexts and the helpers. Without filler the Sharpless analyzers see a larger
    /// share of the code than in a real project, so their share of compile time is an upper bound.
    /// </summary>
    public static SyntheticProjectOptions ForEach(int n)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), "At least one function, route and model.");
        }

        var routeFiles = (n + RoutesPerFile - 1) / RoutesPerFile;
        var options = new SyntheticProjectOptions
        {
            FunctionShare = n,
            RouteShare = routeFiles,
            ModelShare = n,
            PlainShare = 0,
        };

        // The smallest file count whose non-module files are exactly n + n/4 + n (module files: one in FilesPerModule).
        var kindFiles = n + routeFiles + n;
        var files = kindFiles;
        while (files - (files + options.FilesPerModule - 1) / options.FilesPerModule < kindFiles)
        {
            files++;
        }

        return options with { Files = files };
    }

    /// <summary>How many <c>[HttpApi]</c> methods one route file declares.</summary>
    public const int RoutesPerFile = 4;
}

/// <summary>One generated source file; <see cref="Path"/> is relative to the project folder.</summary>
public sealed record SyntheticFile(string Path, string Text, SyntheticFileKind Kind, SyntheticMistake Mistake);

/// <summary>
/// A deterministic synthetic Lambda project for measuring what Sharpless costs a build: the same options always give
/// the same text. Most code is correct (clients created once in constructors or static fields, helpers called two
/// levels below the handlers), a few handlers create a client, serializer options or a regex per invocation, and
/// about half of the files are ordinary business logic, so the analyzers see the code they meet in real projects.
/// </summary>
/// <remarks>
/// The code compiles without errors or warnings against the .NET reference assemblies, Sharpless.dll and
/// AWSSDK.DynamoDBv2 once the System.Text.Json source generator (one context per module) and the Sharpless
/// generators (the DynamoDB mappers the functions call) have run. Mapper calls are inside
/// <c>#if SHARPLESS_GENERATED</c>, so the same sources also build with only the Sharpless library and no generators
/// (the "without Sharpless" point of <c>eng/measure-analyzer-overhead.sh</c>). No Amazon.Lambda.* package is needed.
/// </remarks>
public static class SyntheticLambdaProject
{
    /// <summary>Preprocessor symbol under which the sources call generated DynamoDB mappers.</summary>
    public const string GeneratedCodeSymbol = "SHARPLESS_GENERATED";

    private static readonly string[] Nouns =
    [
        "Order", "Invoice", "Customer", "Shipment", "Payment", "Product", "Review", "Coupon", "Cart", "Refund", "Ticket",
        "Booking", "Account", "Report", "Device",
    ];

    public static IReadOnlyList<SyntheticFile> Generate(SyntheticProjectOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Files < 1 || options.FilesPerModule < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "At least one file and two files per module.");
        }

        var plan = Plan(options);
        var files = new List<SyntheticFile>(plan.Length);
        foreach (var entry in plan)
        {
            var module = ModuleName(entry.Module);
            var ns = options.RootNamespace + "." + module;
            var text = entry.Kind switch
            {
                SyntheticFileKind.ModuleShared => ModuleSharedFile(ns, module, plan.Where(e => e.Module == entry.Module).ToArray(), options.DeploymentFiles),
                SyntheticFileKind.Function => FunctionFile(ns, module, entry, NearestModel(plan, entry), options.ExplicitJsonContexts),
                SyntheticFileKind.Route => RouteFile(ns, module, entry, options.ExplicitJsonContexts),
                SyntheticFileKind.Model => ModelFile(ns, module, entry),
                _ => PlainFile(ns, entry),
            };
            files.Add(new SyntheticFile($"{module}/{entry.Name}.cs", text, entry.Kind, entry.Mistake));
        }

        return files;
    }

    /// <summary>
    /// The SAM template of <see cref="SyntheticProjectOptions.DeploymentFiles"/>: one function per function file under
    /// the handler string Sharpless generates for it, the <c>Api</c> router, and in Globals a VpcConfig and
    /// <c>DB_HOST: !GetAtt OrdersProxy.Endpoint</c>. The project is attached to the proxy's VPC, so it is reported
    /// nothing: the measurement is the cost of checking, not of reporting.
    /// </summary>
    public static string Template(IReadOnlyList<SyntheticFile> files, SyntheticProjectOptions options)
    {
        var w = new StringBuilder("""
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Parameters:
              PrivateSubnets:
                Type: List<AWS::EC2::Subnet::Id>
            Globals:
              Function:
                Runtime: dotnet8
                VpcConfig:
                  SubnetIds: !Ref PrivateSubnets
                  SecurityGroupIds: [!Ref FunctionSecurityGroup]
                Environment:
                  Variables:
                    DB_HOST: !GetAtt OrdersProxy.Endpoint
            Resources:
              ApiFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: Synthetic::Sharpless.Generated.ApiRouter::Handle
                  Events:
                    Proxy: { Type: HttpApi, Properties: { Path: '/{proxy+}', Method: ANY } }

            """);
        foreach (var file in files.Where(f => f.Kind == SyntheticFileKind.Function))
        {
            var module = file.Path[..file.Path.IndexOf('/', StringComparison.Ordinal)];
            var name = System.IO.Path.GetFileNameWithoutExtension(file.Path);
            var ns = options.RootNamespace + "." + module;
            w.Append(CultureInfo.InvariantCulture, $"""
                  {name}Function:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: Synthetic::{ns}.{name}Function_{name}_Handler::Handle
                      MemorySize: 512

                """);
        }

        w.Append("""
              FunctionSecurityGroup:
                Type: AWS::EC2::SecurityGroup
                Properties:
                  GroupDescription: functions
              OrdersProxy:
                Type: AWS::RDS::DBProxy
                Properties:
                  DBProxyName: orders
                  EngineFamily: POSTGRESQL
                  VpcSubnetIds: !Ref PrivateSubnets

            """);
        return w.ToString();
    }

    /// <summary>How many files of each kind and mistake <paramref name="files"/> holds (for checks and reports).</summary>
    public static string Describe(IReadOnlyList<SyntheticFile> files)
    {
        var kinds = files.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}");
        var mistakes = files.Where(f => f.Mistake != SyntheticMistake.None).GroupBy(f => f.Mistake).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}");
        var lines = files.Sum(f => f.Text.Count(c => c == '\n'));
        var (functions, routes, models) = Counts(files);
        return string.Create(CultureInfo.InvariantCulture,
            $"{files.Count} files, {lines:N0} lines, {functions} functions, {routes} routes, {models} models: {string.Join(", ", kinds)}; per-invocation mistakes: {string.Join(", ", mistakes)}");
    }

    /// <summary>The <c>[LambdaFunction]</c> methods, <c>[HttpApi]</c> routes and DynamoDB models of <paramref name="files"/>.</summary>
    public static (int Functions, int Routes, int Models) Counts(IReadOnlyList<SyntheticFile> files) =>
        (files.Count(f => f.Kind == SyntheticFileKind.Function),
         files.Count(f => f.Kind == SyntheticFileKind.Route) * SyntheticProjectOptions.RoutesPerFile,
         files.Count(f => f.Kind == SyntheticFileKind.Model));

    private sealed record PlanEntry(int Index, int Module, SyntheticFileKind Kind, string Name, SyntheticMistake Mistake);

    private static PlanEntry[] Plan(SyntheticProjectOptions options)
    {
        var kinds = new[] { SyntheticFileKind.Function, SyntheticFileKind.Route, SyntheticFileKind.Model, SyntheticFileKind.Plain };
        var shares = new[] { options.FunctionShare, options.RouteShare, options.ModelShare, options.PlainShare };
        var total = shares.Sum();
        if (total <= 0 || shares.Any(s => s < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Shares must be non-negative with a positive sum.");
        }

        // Spread the kinds evenly: each file goes to the kind furthest behind its share so far.
        var counts = new int[kinds.Length];
        var assigned = 0;
        var entries = new PlanEntry[options.Files];
        for (var i = 0; i < options.Files; i++)
        {
            var module = i / options.FilesPerModule;
            SyntheticFileKind kind;
            if (i % options.FilesPerModule == 0)
            {
                kind = SyntheticFileKind.ModuleShared;
            }
            else
            {
                var best = 0;
                var bestDeficit = double.MinValue;
                for (var k = 0; k < kinds.Length; k++)
                {
                    var deficit = (assigned + 1) * shares[k] / total - counts[k];
                    if (deficit > bestDeficit + 1e-9)
                    {
                        best = k;
                        bestDeficit = deficit;
                    }
                }

                counts[best]++;
                assigned++;
                kind = kinds[best];
            }

            var name = kind == SyntheticFileKind.ModuleShared
                ? ModuleName(module) + "Shared"
                : Nouns[i % Nouns.Length] + i.ToString("D4", CultureInfo.InvariantCulture);
            entries[i] = new PlanEntry(i, module, kind, name, SyntheticMistake.None);
        }

        // Mistakes: evenly spaced over the handler files, rotating through the three kinds.
        var handlers = entries.Where(e => e.Kind is SyntheticFileKind.Function or SyntheticFileKind.Route).ToArray();
        var mistakes = Math.Min(handlers.Length, (int)Math.Round(options.Files * options.MistakePercent / 100, MidpointRounding.AwayFromZero));
        for (var m = 0; m < mistakes; m++)
        {
            var target = handlers[(int)((m + 0.5) * handlers.Length / mistakes)];
            var mistake = (SyntheticMistake)(1 + m % 3);
            entries[target.Index] = target with { Mistake = mistake };
        }

        return entries;
    }

    private static PlanEntry? NearestModel(PlanEntry[] plan, PlanEntry function)
    {
        for (var i = function.Index - 1; i >= 0 && plan[i].Module == function.Module; i--)
        {
            if (plan[i].Kind == SyntheticFileKind.Model)
            {
                return plan[i];
            }
        }

        return null;
    }

    private static string ModuleName(int module) => "Module" + module.ToString("D2", CultureInfo.InvariantCulture);

    private static string Lower(string name) => name.ToLowerInvariant();

    // ---------------------------------------------------------------------------------------------------------------
    // Module shared file: the module's JSON context and the helpers handlers reach through their services.
    // ---------------------------------------------------------------------------------------------------------------

    private static string ModuleSharedFile(string ns, string module, PlanEntry[] moduleFiles, bool readsDatabaseHost)
    {
        var w = new StringBuilder();
        w.Append($$"""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Text;
            using System.Text.Json.Serialization;

            namespace {{ns}};

            /// <summary>Every payload, result and body type of this module's functions and routes.</summary>
            [JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]

            """);
        foreach (var entry in moduleFiles)
        {
            var types = entry.Kind switch
            {
                SyntheticFileKind.Function => new[] { entry.Name + "Request", entry.Name + "Response" },
                SyntheticFileKind.Route => new[] { entry.Name + "Item", entry.Name + "Draft", entry.Name + "Page" },
                _ => [],
            };
            foreach (var type in types)
            {
                w.Append("[JsonSerializable(typeof(").Append(type).Append("))]\n");
            }
        }

        w.Append($$"""
            internal partial class {{module}}Json : JsonSerializerContext
            {
            }

            /// <summary>Helpers the module's services call (the second level below a handler).</summary>
            public static class {{module}}Helpers
            {
                private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
            {{(readsDatabaseHost ? "\n    public static string DatabaseHost() => Environment.GetEnvironmentVariable(\"DB_HOST\") ?? \"localhost\";\n" : "")}}
                public static string NormalizeKey(string value)
                {
                    if (string.IsNullOrWhiteSpace(value))
                    {
                        throw new ArgumentException("A key cannot be empty.", nameof(value));
                    }

                    return Slug(value.Trim());
                }

                public static decimal RoundMoney(decimal value) => Math.Round(value, 2, MidpointRounding.ToEven);

                public static string Describe(IEnumerable<string> parts) =>
                    string.Join(", ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal));

                public static string FormatAmount(decimal amount, string currency) =>
                    currency switch
                    {
                        "EUR" => amount.ToString("0.00", Invariant) + " €",
                        "USD" or "CAD" or "AUD" => "$" + amount.ToString("0.00", Invariant),
                        _ => amount.ToString("0.00", Invariant) + " " + currency,
                    };

                private static string Slug(string value)
                {
                    var builder = new StringBuilder(value.Length);
                    foreach (var c in value)
                    {
                        builder.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
                    }

                    return builder.ToString().Trim('-');
                }
            }

            """);
        return w.ToString();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Function file: [LambdaFunction] class (clients created once), its service, its payload records.
    // ---------------------------------------------------------------------------------------------------------------

    private static string JsonContextAttribute(string module, bool explicitContext) =>
        explicitContext ? $"[LambdaJsonContext(typeof({module}Json))]" : "// The module's JSON context is found by the types it registers.";

    private static string FunctionFile(string ns, string module, PlanEntry entry, PlanEntry? model, bool explicitContext)
    {
        var n = entry.Name;
        var memory = 256 << (entry.Index % 3);
        var timeout = 10 + entry.Index % 20;
        var persist = model is null
            ? ""
            : $$"""

                    #if {{GeneratedCodeSymbol}}
                        var record = new {{model.Name}}
                        {
                            Id = {{module}}Helpers.NormalizeKey(request.CustomerId),
                            Sort = "{{Lower(n)}}#" + DateTime.UtcNow.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            Name = request.CustomerId,
                            Balance = total,
                            CreatedAt = DateTime.UtcNow,
                            Active = true,
                        };
                        await _dynamo.PutItemAsync(new PutItemRequest { TableName = {{model.Name}}Mapper.TableName, Item = {{model.Name}}Mapper.ToItem(record) }).ConfigureAwait(false);
                    #endif
                """;

        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Linq;
            using System.Net.Http;
            using System.Text.Json;
            using System.Text.RegularExpressions;
            using System.Threading.Tasks;
            using Amazon.DynamoDBv2;
            using Amazon.DynamoDBv2.Model;
            using Sharpless;

            namespace {{ns}};

            public sealed record {{n}}Line(string Sku, int Quantity, decimal UnitPrice);

            public sealed record {{n}}Request(string CustomerId, List<{{n}}Line> Lines, string? Coupon, string Currency);

            public sealed record {{n}}Response(string Id, decimal Total, int Items, string Summary);

            /// <summary>A function: clients are created once per execution environment, in the constructor.</summary>
            {{JsonContextAttribute(module, explicitContext)}}
            public sealed class {{n}}Function
            {
                private static readonly HttpClient SharedHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
                private readonly {{n}}Service _service;

                public {{n}}Function()
                {
                    _service = new {{n}}Service(new AmazonDynamoDBClient(), SharedHttp);
                }

                [LambdaFunction(Name = "{{n}}", MemorySize = {{memory}}, Timeout = {{timeout}})]
                public async Task<{{n}}Response> Handle({{n}}Request request)
                {
            {{FunctionMistake(entry, module)}}        var total = await _service.PriceAsync(request).ConfigureAwait(false);
                    var items = request.Lines.Sum(l => l.Quantity);
                    return new {{n}}Response({{module}}Helpers.NormalizeKey(request.CustomerId), total, items, {{module}}Helpers.Describe(request.Lines.Select(l => l.Sku)));
                }
            }

            /// <summary>Called by the handler; calls the module's helpers (two levels below the handler).</summary>
            internal sealed class {{n}}Service
            {
                private readonly IAmazonDynamoDB _dynamo;
                private readonly HttpClient _http;

                public {{n}}Service(IAmazonDynamoDB dynamo, HttpClient http)
                {
                    _dynamo = dynamo;
                    _http = http;
                }

                public async Task<decimal> PriceAsync({{n}}Request request)
                {
                    var subtotal = request.Lines.Where(l => l.Quantity > 0).Sum(l => l.Quantity * l.UnitPrice);
                    var discount = request.Coupon is { Length: > 0 } coupon ? await LookupDiscountAsync(coupon).ConfigureAwait(false) : 0m;
                    var total = {{module}}Helpers.RoundMoney(subtotal - subtotal * discount);{{persist}}
                    return total;
                }

                public Task<string> FetchRatesAsync(string currency) => _http.GetStringAsync("https://rates.example.com/" + Uri.EscapeDataString(currency));

                private async Task<decimal> LookupDiscountAsync(string coupon)
                {
                    var response = await _dynamo.GetItemAsync(new GetItemRequest
                    {
                        TableName = "coupons",
                        Key = new Dictionary<string, AttributeValue> { ["pk"] = new AttributeValue { S = {{module}}Helpers.NormalizeKey(coupon) } },
                    }).ConfigureAwait(false);
                    return response.Item is { } item && item.TryGetValue("rate", out var rate) &&
                           decimal.TryParse(rate.N, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
                        ? value
                        : 0m;
                }
            }

            """;
    }

    private static string FunctionMistake(PlanEntry entry, string module) => entry.Mistake switch
    {
        SyntheticMistake.HttpClient => """
                    using var client = new HttpClient();
                    var rates = await client.GetStringAsync("https://rates.example.com/" + request.Currency).ConfigureAwait(false);
                    if (rates.Length == 0)
                    {
                        throw new InvalidOperationException("No exchange rates.");
                    }

            """,
        SyntheticMistake.JsonSerializerOptions => $$"""
                    var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = {{module}}Json.Default };
                    var audit = JsonSerializer.Serialize(request, options.GetTypeInfo(typeof({{entry.Name}}Request)));
                    Console.WriteLine(audit);

            """,
        SyntheticMistake.Regex => """
                    var pattern = new Regex("^[A-Za-z]{2,4}-[0-9]{3,8}$", RegexOptions.CultureInvariant);
                    if (!pattern.IsMatch(request.CustomerId))
                    {
                        throw new ArgumentException("Unexpected customer id.", nameof(request));
                    }

            """,
        _ => "",
    };

    // ---------------------------------------------------------------------------------------------------------------
    // Route file: four [HttpApi] routes over a static store.
    // ---------------------------------------------------------------------------------------------------------------

    private static string RouteFile(string ns, string module, PlanEntry entry, bool explicitContext)
    {
        var n = entry.Name;
        var path = "/" + Lower(module) + "/" + Lower(n);
        return $$"""
            using System;
            using System.Collections.Concurrent;
            using System.Collections.Generic;
            using System.Linq;
            using System.Net.Http;
            using System.Text.Json;
            using System.Text.RegularExpressions;
            using System.Threading.Tasks;
            using Sharpless;
            using Sharpless.Http;

            namespace {{ns}};

            public sealed record {{n}}Item(string Id, string Name, decimal Price, int Version, DateTime UpdatedAt);

            public sealed record {{n}}Draft(string Name, decimal Price);

            public sealed record {{n}}Page(List<{{n}}Item> Items, string? Next);

            /// <summary>Routes served by the generated Api function.</summary>
            {{JsonContextAttribute(module, explicitContext)}}
            public sealed class {{n}}Api
            {
                private static readonly ConcurrentDictionary<string, {{n}}Item> Store = new(StringComparer.Ordinal);

                [HttpApi(LambdaHttpMethod.Get, "{{path}}/{id}")]
                public async Task<IResult> Get(string id, [FromQuery] int? version)
                {
            {{RouteMistake(entry, module)}}        await Task.Yield();
                    return Store.TryGetValue(id, out var item) && (version is null || item.Version == version)
                        ? Results.Ok(item)
                        : Results.NotFound();
                }

                [HttpApi(LambdaHttpMethod.Get, "{{path}}")]
                public {{n}}Page List([FromQuery] int limit = 20, [FromQuery] string after = "")
                {
                    var items = Store.Values
                        .Where(i => after.Length == 0 || string.CompareOrdinal(i.Id, after) > 0)
                        .OrderBy(i => i.Id, StringComparer.Ordinal)
                        .Take(Math.Clamp(limit, 1, 100))
                        .ToList();
                    return new {{n}}Page(items, items.Count == 0 ? null : items[^1].Id);
                }

                [HttpApi(LambdaHttpMethod.Post, "{{path}}")]
                public IResult Create([FromBody] {{n}}Draft draft)
                {
                    if (string.IsNullOrWhiteSpace(draft.Name) || draft.Price < 0)
                    {
                        return Results.BadRequest("Name and a non-negative price are required.");
                    }

                    var item = new {{n}}Item(Guid.NewGuid().ToString("N"), draft.Name.Trim(), {{module}}Helpers.RoundMoney(draft.Price), 1, DateTime.UtcNow);
                    Store[item.Id] = item;
                    return Results.Created("{{path}}/" + item.Id, item);
                }

                [HttpApi(LambdaHttpMethod.Delete, "{{path}}/{id}")]
                public IResult Delete(string id) => Store.TryRemove(id, out _) ? Results.NoContent() : Results.NotFound();
            }

            """;
    }

    private static string RouteMistake(PlanEntry entry, string module) => entry.Mistake switch
    {
        SyntheticMistake.HttpClient => """
                    using var client = new HttpClient();
                    var status = await client.GetStringAsync("https://status.example.com/" + Uri.EscapeDataString(id)).ConfigureAwait(false);
                    if (status == "gone")
                    {
                        return Results.NotFound();
                    }

            """,
        SyntheticMistake.JsonSerializerOptions => $$"""
                    var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = {{module}}Json.Default };
                    Console.WriteLine(JsonSerializer.Serialize(new {{entry.Name}}Draft(id, 0m), options.GetTypeInfo(typeof({{entry.Name}}Draft))));

            """,
        SyntheticMistake.Regex => """
                    var pattern = new Regex("^[a-f0-9]{32}$", RegexOptions.CultureInvariant);
                    if (!pattern.IsMatch(id))
                    {
                        return Results.BadRequest("Malformed id.");
                    }

            """,
        _ => "",
    };

    // ---------------------------------------------------------------------------------------------------------------
    // Model file: a DynamoDB model whose members all have size bounds, with a nested type.
    // ---------------------------------------------------------------------------------------------------------------

    private static string ModelFile(string ns, string module, PlanEntry entry)
    {
        var n = entry.Name;
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.ComponentModel.DataAnnotations;
            using System.Linq;
            using Amazon.DynamoDBv2.DataModel;
            using Sharpless.DynamoDB;

            namespace {{ns}};

            public enum {{n}}Status
            {
                Active,
                Suspended,
                Closed,
            }

            [DynamoDBTable("{{Lower(module)}}-{{Lower(n)}}")]
            public class {{n}}
            {
                [DynamoDBHashKey("pk")]
                [StringLength(64)]
                public string Id { get; set; } = "";

                [DynamoDBRangeKey("sk")]
                [StringLength(64)]
                public string Sort { get; set; } = "";

                [MaxLength(200)]
                public string Name { get; set; } = "";

                [DynamoDBProperty("email")]
                [MaxLength(320)]
                public string? Email { get; set; }

                public int Version { get; set; }

                public decimal Balance { get; set; }

                public DateTime CreatedAt { get; set; }

                public bool Active { get; set; }

                public {{n}}Status Status { get; set; }

                [MaxLength(20), ItemBounds(ElementMaxLength = 40)]
                public HashSet<string>? Tags { get; set; }

                public {{n}}Address? Address { get; set; }

                [MaxLength(50)]
                public List<{{n}}Entry>? History { get; set; }

                [DynamoDBIgnore]
                public bool IsOverdrawn => Balance < 0;

                public decimal Spent(DateTime since) =>
                    History is null ? 0m : History.Where(e => e.At >= since && e.Amount < 0).Sum(e => -e.Amount);
            }

            public class {{n}}Address
            {
                [MaxLength(120)]
                public string? Street { get; set; }

                [MaxLength(80)]
                public string? City { get; set; }

                [StringLength(2)]
                public string? Country { get; set; }
            }

            public class {{n}}Entry
            {
                public DateTime At { get; set; }

                public decimal Amount { get; set; }

                [MaxLength(100)]
                public string? Reference { get; set; }
            }

            """;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Plain file: business logic with no Lambda in sight.
    // ---------------------------------------------------------------------------------------------------------------

    private static string PlainFile(string ns, PlanEntry entry)
    {
        var n = entry.Name;
        return $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Runtime.CompilerServices;
            using System.Text.RegularExpressions;
            using System.Threading;
            using System.Threading.Tasks;

            namespace {{ns}}.Domain;

            public enum {{n}}Tier
            {
                Bronze,
                Silver,
                Gold,
                Platinum,
            }

            public sealed record {{n}}Quote(string Sku, int Quantity, decimal UnitPrice, {{n}}Tier Tier);

            public readonly record struct {{n}}Total(string Sku, decimal Amount);

            /// <summary>Pricing rules: pure functions over records.</summary>
            public static class {{n}}Pricing
            {
                private static readonly Regex SkuPattern = new("^[A-Z]{3}-[0-9]{4}$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

                public static decimal Discount({{n}}Tier tier, decimal amount) => (tier, amount) switch
                {
                    ({{n}}Tier.Platinum, _) => amount * 0.15m,
                    ({{n}}Tier.Gold, > 1_000m) => amount * 0.10m,
                    ({{n}}Tier.Gold, _) => amount * 0.05m,
                    ({{n}}Tier.Silver, > 500m) => amount * 0.03m,
                    _ => 0m,
                };

                public static IReadOnlyList<{{n}}Total> Totals(IEnumerable<{{n}}Quote> quotes) =>
                    quotes.Where(q => q.Quantity > 0 && SkuPattern.IsMatch(q.Sku))
                        .GroupBy(q => q.Sku, StringComparer.Ordinal)
                        .Select(g => new {{n}}Total(g.Key, g.Sum(q => q.Quantity * q.UnitPrice - Discount(q.Tier, q.Quantity * q.UnitPrice))))
                        .OrderByDescending(t => t.Amount)
                        .ThenBy(t => t.Sku, StringComparer.Ordinal)
                        .ToList();

                public static {{n}}Tier TierFor(int orders, decimal spent) => orders switch
                {
                    >= 100 when spent > 10_000m => {{n}}Tier.Platinum,
                    >= 50 => {{n}}Tier.Gold,
                    >= 10 => {{n}}Tier.Silver,
                    _ => {{n}}Tier.Bronze,
                };
            }

            /// <summary>Stock bookkeeping with async streams.</summary>
            public sealed class {{n}}Inventory
            {
                private readonly Dictionary<string, int> _stock = new(StringComparer.Ordinal);
                private readonly object _gate = new();

                public void Receive(string sku, int quantity)
                {
                    ArgumentOutOfRangeException.ThrowIfNegative(quantity);
                    lock (_gate)
                    {
                        _stock[sku] = _stock.TryGetValue(sku, out var current) ? current + quantity : quantity;
                    }
                }

                public bool TryReserve({{n}}Quote quote)
                {
                    lock (_gate)
                    {
                        if (!_stock.TryGetValue(quote.Sku, out var available) || available < quote.Quantity)
                        {
                            return false;
                        }

                        _stock[quote.Sku] = available - quote.Quantity;
                        return true;
                    }
                }

                public async Task<int> ReserveAllAsync(IAsyncEnumerable<{{n}}Quote> quotes, CancellationToken cancellationToken)
                {
                    var reserved = 0;
                    await foreach (var quote in quotes.WithCancellation(cancellationToken).ConfigureAwait(false))
                    {
                        if (quote is { Quantity: > 0, Tier: not {{n}}Tier.Bronze } && TryReserve(quote))
                        {
                            reserved++;
                        }
                    }

                    return reserved;
                }

                public static async IAsyncEnumerable<{{n}}Quote> ReadAsync(IEnumerable<string> lines, [EnumeratorCancellation] CancellationToken cancellationToken = default)
                {
                    foreach (var line in lines)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        await Task.Yield();
                        var parts = line.Split(',', StringSplitOptions.TrimEntries);
                        if (parts.Length == 4 && int.TryParse(parts[1], out var quantity) && decimal.TryParse(parts[2], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var price) && Enum.TryParse<{{n}}Tier>(parts[3], out var tier))
                        {
                            yield return new {{n}}Quote(parts[0], quantity, price, tier);
                        }
                    }
                }

                public IReadOnlyDictionary<string, int> Snapshot()
                {
                    lock (_gate)
                    {
                        return _stock.Where(p => p.Value > 0).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
                    }
                }
            }

            """;
    }
}
