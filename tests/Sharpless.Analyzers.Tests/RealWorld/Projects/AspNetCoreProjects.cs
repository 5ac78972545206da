namespace Sharpless.Analyzers.Tests.RealWorld.Projects;

/// <summary>
/// ASP.NET Core on Lambda: Minimal APIs with `AddAWSLambdaHosting` (the Amazon.Lambda.AspNetCoreServer.Hosting
/// README's shape) and controller apps behind a `LambdaEntryPoint` deriving from `APIGatewayProxyFunction` /
/// `APIGatewayHttpApiV2ProxyFunction` (the serverless.AspNetCoreWebAPI blueprint's shape). Endpoint delegates and
/// controller actions run per request; Program's statements before `Run` and `Startup.ConfigureServices` are init,
/// but what a scoped or transient registration creates is created per request.
/// </summary>
internal static class AspNetCoreProjects
{
    public static IEnumerable<RealWorldProject> All()
    {
        yield return new RealWorldProject("minimal-api-httpapi", "Minimal API, AddAWSLambdaHosting(HttpApi), MapGet lambda", "OrdersApi")
            .Source("Program.cs", """
                using System.Net.Http;
                using System.Text.Json;
                using Amazon.DynamoDBv2;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
                {|quiet:builder.Services.AddSingleton<IAmazonDynamoDB>(new AmazonDynamoDBClient())|};
                var json = {|quiet:new JsonSerializerOptions(JsonSerializerDefaults.Web)|};

                var app = builder.Build();

                app.MapGet("/orders/{id}", async (string id, IAmazonDynamoDB db) =>
                {
                    await db.DescribeTableAsync("Orders");
                    using var tracking = {|SLS5002:new HttpClient()|};
                    var status = await tracking.GetStringAsync($"https://tracking.internal/{id}");
                    return Results.Text(JsonSerializer.Serialize(new { id, status }, json), "application/json");
                });

                app.Run();
                """)
            .Executable()
            .Needing(Needs.AspNetCore)
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("minimal-api-mapgroup-method-group", "Minimal API, MapGroup chain, endpoint as a method group", "Cart")
            .Source("Program.cs", """
                using Cart;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.Extensions.DependencyInjection;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddAWSLambdaHosting(LambdaEventSource.RestApi);
                var app = builder.Build();

                var carts = app.MapGroup("/carts").WithTags("carts");
                carts.MapPost("/{id}/checkout", CartEndpoints.CheckoutAsync);
                carts.MapGet("/{id}", CartEndpoints.Get);

                app.Run();
                """)
            .Source("CartEndpoints.cs", """
                using System.Threading.Tasks;
                using Amazon.SQS;
                using Microsoft.AspNetCore.Http;

                namespace Cart;

                public static class CartEndpoints
                {
                    public static async Task<IResult> CheckoutAsync(string id)
                    {
                        var sqs = {|SLS5001:new AmazonSQSClient()|};
                        await sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/checkout", id);
                        return Results.Accepted();
                    }

                    public static IResult Get(string id) => Results.Ok(new { id });
                }
                """)
            .Executable()
            .ReadyToRun()
            .Needing(Needs.AspNetCore)
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("controllers-lambda-entrypoint", "Controllers, LambdaEntryPoint : APIGatewayProxyFunction, Startup with a transient client", "Library.Api")
            .AdditionalFile("serverless.template", """
                {
                  "AWSTemplateFormatVersion": "2010-09-09",
                  "Transform": "AWS::Serverless-2016-10-31",
                  "Resources": {
                    "AspNetCoreFunction": {
                      "Type": "AWS::Serverless::Function",
                      "Properties": {
                        "Handler": "Library.Api::Library.Api.LambdaEntryPoint::FunctionHandlerAsync",
                        "Runtime": "dotnet8",
                        "CodeUri": "",
                        "MemorySize": 512,
                        "Events": { "Proxy": { "Type": "Api", "Properties": { "Path": "/{proxy+}", "Method": "ANY" } } }
                      }
                    }
                  }
                }
                """)
            .Source("LambdaEntryPoint.cs", """
                using Microsoft.AspNetCore.Hosting;

                namespace Library.Api;

                public class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction
                {
                    protected override void Init(IWebHostBuilder builder)
                    {
                        builder.UseStartup<Startup>();
                    }
                }
                """)
            .Source("Startup.cs", """
                using Amazon.S3;
                using Amazon.SQS;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;

                namespace Library.Api;

                public class Startup
                {
                    public void ConfigureServices(IServiceCollection services)
                    {
                        services.AddControllers();
                        {|quiet:services.AddSingleton<IAmazonS3, AmazonS3Client>()|};
                        services.{|SLS5001:AddTransient<IAmazonSQS, AmazonSQSClient>()|};
                    }

                    public void Configure(IApplicationBuilder app)
                    {
                        app.UseRouting();
                        app.UseEndpoints(endpoints => endpoints.MapControllers());
                    }
                }
                """)
            .Source("Controllers/BooksController.cs", """
                using System.Net.Http;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.SQS;
                using Microsoft.AspNetCore.Mvc;

                namespace Library.Api.Controllers;

                [ApiController]
                [Route("api/[controller]")]
                public class BooksController : ControllerBase
                {
                    private readonly IAmazonS3 _s3;
                    private readonly IAmazonSQS _sqs;

                    public BooksController(IAmazonS3 s3, IAmazonSQS sqs)
                    {
                        _s3 = s3;
                        _sqs = sqs;
                    }

                    [HttpGet("{isbn}")]
                    public async Task<IActionResult> Get(string isbn)
                    {
                        using var openLibrary = {|SLS5002:new HttpClient()|};
                        var details = await openLibrary.GetStringAsync($"https://openlibrary.org/isbn/{isbn}.json");
                        await _s3.GetObjectMetadataAsync("covers", isbn);
                        await _sqs.SendMessageAsync("https://sqs.eu-west-1.amazonaws.com/123456789012/views", isbn);
                        return Content(details, "application/json");
                    }
                }
                """)
            .LambdaProjectType()
            .Needing(Needs.AspNetCore)
            .ExpectInProject("SLS4002");

        yield return new RealWorldProject("controllers-scoped-factory-and-typed-client", "AddAWSLambdaHosting + controllers, scoped HttpClient factory vs AddHttpClient typed client", "Payments.Api")
            .Source("Program.cs", """
                using System.Net.Http;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.Extensions.DependencyInjection;
                using Payments.Api;

                var builder = WebApplication.CreateBuilder(args);
                builder.Services.AddControllers();
                builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
                {|quiet:builder.Services.AddHttpClient<PspClient>()|};
                builder.Services.AddScoped(_ => {|SLS5002:new HttpClient()|});

                var app = builder.Build();
                app.MapControllers();
                app.Run();
                """)
            .Source("PspClient.cs", """
                using System.Net.Http;
                using System.Threading.Tasks;

                namespace Payments.Api;

                public class PspClient
                {
                    private readonly HttpClient _http;
                    public PspClient(HttpClient http) => _http = http;
                    public Task<string> CaptureAsync(string id) => _http.GetStringAsync($"https://psp.example.com/capture/{id}");
                }
                """)
            .Source("PaymentsController.cs", """
                using System.Net.Http;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;

                namespace Payments.Api;

                [ApiController]
                [Route("payments")]
                public class PaymentsController : ControllerBase
                {
                    private readonly PspClient _psp;
                    private readonly HttpClient _fx;

                    public PaymentsController(PspClient psp, HttpClient fx)
                    {
                        _psp = psp;
                        _fx = fx;
                    }

                    [HttpPost("{id}/capture")]
                    public async Task<IActionResult> Capture(string id)
                    {
                        var rate = await _fx.GetStringAsync("https://fx.internal/eur");
                        return Ok(new { id, rate, result = await _psp.CaptureAsync(id) });
                    }
                }
                """)
            .Executable()
            .ReadyToRun()
            .Needing(Needs.AspNetCore)
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("controllers-httpapi-v2-correct", "LambdaEntryPoint : APIGatewayHttpApiV2ProxyFunction, singleton clients, injected (correct)", "Profiles.Api")
            .Source("LambdaEntryPoint.cs", """
                using Amazon.DynamoDBv2;
                using Amazon.DynamoDBv2.DataModel;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.Extensions.DependencyInjection;

                namespace Profiles.Api;

                public class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayHttpApiV2ProxyFunction
                {
                    protected override void Init(IWebHostBuilder builder)
                    {
                        builder
                            .ConfigureServices(services =>
                            {
                                services.AddControllers();
                                {|quiet:services.AddSingleton<IAmazonDynamoDB>(_ => new AmazonDynamoDBClient())|};
                                {|quiet:services.AddSingleton<IDynamoDBContext>(sp => new DynamoDBContextBuilder().WithDynamoDBClient(() => sp.GetRequiredService<IAmazonDynamoDB>()).Build())|};
                            })
                            .Configure(app =>
                            {
                                app.UseRouting();
                                app.UseEndpoints(endpoints => endpoints.MapControllers());
                            });
                    }
                }
                """)
            .Source("ProfilesController.cs", """
                using System.Threading.Tasks;
                using Amazon.DynamoDBv2.DataModel;
                using Microsoft.AspNetCore.Mvc;

                namespace Profiles.Api;

                [DynamoDBTable("Profiles")]
                public class Profile
                {
                    [DynamoDBHashKey] public string {|quiet:UserId|} { get; set; } = "";
                    public string {|quiet:DisplayName|} { get; set; } = "";
                    public string {|quiet:Email|} { get; set; } = "";
                }

                [ApiController]
                [Route("profiles")]
                public class ProfilesController : ControllerBase
                {
                    private readonly IDynamoDBContext _db;
                    public ProfilesController(IDynamoDBContext db) => _db = db;

                    [HttpGet("{id}")]
                    public async Task<ActionResult<Profile>> Get(string id) => await _db.LoadAsync<Profile>(id) is { } p ? p : NotFound();
                }
                """)
            .ReadyToRun()
            .LambdaProjectType()
            .Needing(Needs.AspNetCore)
            .QuietInProject("SLS4002");

        yield return new RealWorldProject("controllers-client-in-constructor", "LambdaEntryPoint : APIGatewayProxyFunction, S3 proxy controller creating its client in the constructor", "S3Proxy")
            .Source("LambdaEntryPoint.cs", """
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.Extensions.DependencyInjection;

                namespace S3Proxy;

                public class LambdaEntryPoint : Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction
                {
                    protected override void Init(IWebHostBuilder builder) =>
                        builder
                            .ConfigureServices(services => services.AddControllers())
                            .Configure(app =>
                            {
                                app.UseRouting();
                                app.UseEndpoints(endpoints => endpoints.MapControllers());
                            });
                }
                """)
            .Source("Controllers/S3ProxyController.cs", """
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.SQS;
                using Microsoft.AspNetCore.Mvc;

                namespace S3Proxy.Controllers;

                [Route("api/[controller]")]
                public class S3ProxyController : ControllerBase
                {
                    private static readonly IAmazonSQS Events = {|quiet:new AmazonSQSClient()|};
                    private readonly IAmazonS3 _s3;
                    private readonly string _bucket;

                    public S3ProxyController()
                    {
                        _s3 = {|SLS5001:new AmazonS3Client()|};
                        _bucket = System.Environment.GetEnvironmentVariable("AppS3Bucket") ?? "uploads";
                    }

                    [HttpGet("{key}")]
                    public async Task<IActionResult> Get(string key)
                    {
                        var response = await _s3.GetObjectAsync(_bucket, key);
                        await Events.SendMessageAsync("audit", key);
                        return File(response.ResponseStream, response.Headers.ContentType);
                    }
                }
                """)
            .LambdaProjectType()
            .Needing(Needs.AspNetCore)
            .ExpectInProject("SLS4002");
    }
}
