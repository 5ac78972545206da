using Sharpless.Functions.Tests.Infrastructure;

namespace Sharpless.Functions.Tests.Rules;

/// <summary>SLS1007–SLS1014, SLS4001: what the project around a function (names, contexts, container, settings) can get wrong.</summary>
public sealed class ProjectRulesTests
{
    private const string Usings = """
        using System;
        using System.Text.Json.Serialization;
        using Amazon.Lambda.Core;
        using Microsoft.Extensions.DependencyInjection;
        using Sharpless;

        """;

    private const string Startup = """

        public interface IOrderStore { }
        public sealed class OrderStore : IOrderStore { }

        [LambdaStartup]
        public class Startup
        {
            public void ConfigureServices(IServiceCollection services) => services.AddSingleton<IOrderStore, OrderStore>();
        }
        """;

    [Fact]
    public Task SLS1007_AbstractClassOrAmbiguousConstructors_AreReported() => FunctionProject.ForRules(Usings + """
        public abstract class Base
        {
            [LambdaFunction] public string [|Run|](string id) => id;
        }

        public class Ambiguous
        {
            public Ambiguous(IOrderStore a) { }
            public Ambiguous(string b) { }

            [LambdaFunction] public string {|SLS1007:Run2|}(string id) => id;
        }
        """ + Startup).WithDefaultRuleId("SLS1007").ShouldReportDiagnosticWithMessage("'Base' cannot be constructed by the generated handler: it is abstract; make the method static or the class concrete").ValidateAsync();

    [Fact]
    public Task SLS1007_NoAccessibleConstructor_IsReported() => FunctionProject.ForRules(Usings + """
        public class Sealed
        {
            private Sealed() { }

            [LambdaFunction] public string [|Run|](string id) => id;
        }
        """).WithDefaultRuleId("SLS1007").ShouldReportDiagnosticWithMessage("'Sealed' cannot be constructed by the generated handler: it has no public or internal constructor").ValidateAsync();

    [Fact]
    public Task SLS1007_PrimaryConstructorStaticMethodStructAndRecord_AreFine() => FunctionProject.ForRules(Usings + """
        public class Orders(IOrderStore store)
        {
            [LambdaFunction] public string Run(string id) => id + store.GetHashCode();
        }

        public abstract class Tools
        {
            [LambdaFunction] public static string Static(string id) => id;
        }

        public struct Value
        {
            [LambdaFunction] public string InStruct(string id) => id;
        }

        public record Audit(IOrderStore Store)
        {
            [LambdaFunction] public string InRecord(string id) => id;
        }
        """ + Startup).ValidateAsync();

    [Fact]
    public Task SLS1008_SameNameTwice_IsReportedOnBoth() => FunctionProject.ForRules(Usings + """
        public static class Orders
        {
            [{|SLS1008:LambdaFunction|}] public static string Place(string id) => id;
        }

        public static class Admin
        {
            [[|LambdaFunction(Name = "Place")|]] public static string Override(string id) => id;
        }
        """).WithDefaultRuleId("SLS1008").ShouldReportDiagnosticWithMessage("Function name 'Place' is also used by 'Orders.Place'; give one of them [LambdaFunction(Name = \"...\")]").ValidateAsync();

    [Fact]
    public Task SLS1008_CollidingGeneratedTypeNames_AreReported() => FunctionProject.ForRules(Usings + """
        public class A
        {
            public static class B { [{|SLS1008:LambdaFunction|}] public static string C(string id) => id; }
        }

        public static class A_B
        {
            [{|SLS1008:LambdaFunction|}] public static string C(string id) => id;
        }
        """).ValidateAsync();

    [Fact]
    public Task SLS1008_OverloadsWithDistinctNames_AreFine() => FunctionProject.ForRules(Usings + """
        public static class Orders
        {
            [LambdaFunction] public static string Place(string id) => id;
            [LambdaFunction(Name = "PlaceWithContext")] public static string Place(string id, ILambdaContext context) => id;
        }
        """).ValidateAsync();

    [Fact]
    public Task SLS1009_HandlerStringOver127Characters_IsReported() => FunctionProject.ForRules(Usings + """
        namespace Company.Platform.Ordering.Fulfilment.Warehouse.Integration.Handlers
        {
            public static class OrderFulfilmentWarehouseNotifications
            {
                [[|LambdaFunction|]] public static string NotifyWarehouseOfShipment(string id) => id;
            }
        }

        namespace Company.Ordering
        {
            public static class Notifications
            {
                [LambdaFunction] public static string NotifyWarehouse(string id) => id;
            }
        }
        """).WithDefaultRuleId("SLS1009")
            .ShouldReportDiagnosticWithMessage("The handler string 'Orders::Company.Platform.Ordering.Fulfilment.Warehouse.Integration.Handlers.OrderFulfilmentWarehouseNotifications_NotifyWarehouseOfShipment_Handler::Handle' is 155 characters; the .NET Lambda runtime finds handlers of at most 127 characters")
            .ValidateAsync();

    [Fact]
    public Task SLS1010_TypeMissingFromTheContext_IsReportedAtTheParameterAndTheReturnType() => FunctionProject.ForRules(Usings + """
        public sealed record Order(string Id);
        public sealed record Receipt(string Id);
        public sealed record Line(string Sku);
        public sealed record Cart(Line[] Lines);

        [JsonSerializable(typeof(Cart))]
        internal partial class AppJson : JsonSerializerContext { }

        public static class Orders
        {
            [LambdaFunction] public static {|SLS1010:Receipt|} Place(Order [|order|]) => new Receipt(order.Id);

            // Types the context reaches through its registrations need no registration of their own.
            [LambdaFunction] public static Line[] Lines(Cart cart) => cart.Lines;
            [LambdaFunction] public static Line First(Cart cart) => cart.Lines[0];
        }
        """).WithDefaultRuleId("SLS1010")
            .ShouldReportDiagnosticWithMessage("Payload type 'Order' of 'Place' is not registered in JsonSerializerContext 'AppJson'; add [JsonSerializable(typeof(Order))] to it")
            .ValidateAsync();

    [Fact]
    public Task SLS1010_ExplicitContextIsTheOnlyOneUsed() => FunctionProject.ForRules("""
        using System.Text.Json.Serialization;
        using Sharpless;

        [assembly: LambdaJsonContext(typeof(EmptyJson))]

        public sealed record Order(string Id);

        [JsonSerializable(typeof(Order))]
        internal partial class AppJson : JsonSerializerContext { }

        [JsonSerializable(typeof(int))]
        internal partial class EmptyJson : JsonSerializerContext { }

        [LambdaJsonContext(typeof(AppJson))]
        public static class Orders
        {
            [LambdaFunction] public static string Place(Order order) => order.Id;
        }

        public static class Others
        {
            [LambdaFunction] public static string Count(Order [|order|]) => order.Id;
        }
        """).WithDefaultRuleId("SLS1010")
            .ShouldReportDiagnosticWithMessage("Payload type 'Order' of 'Count' is not registered in JsonSerializerContext 'EmptyJson'; add [JsonSerializable(typeof(Order))] to it")
            .ValidateAsync();

    [Fact]
    public Task SLS4001_NoContextInTheProject_IsReportedForJsonTypesOnly() => FunctionProject.ForRules(Usings + """
        public sealed record Order(string Id);

        public static class Orders
        {
            [LambdaFunction] public static {|SLS4001:Order|} Echo(Order [|order|]) => order;
            [LambdaFunction] public static string Text(string name) => name;
            [LambdaFunction] public static System.IO.Stream Raw(System.IO.Stream input) => input;
        }
        """).WithDefaultRuleId("SLS4001")
            .ShouldReportDiagnosticWithMessage("Payload type 'Order' of 'Echo' is serialized with reflection-based System.Text.Json because the project has no JsonSerializerContext; register it with [JsonSerializable(typeof(Order))] in a context")
            .ValidateAsync();

    [Fact]
    public Task SLS1011_ServicesWithoutAStartup_AreReported() => FunctionProject.ForRules(Usings + """
        public interface IOrderStore { }

        public class Orders(IOrderStore store)
        {
            [LambdaFunction] public string [|Place|](string id, [FromServices] IOrderStore other) => id + store + other;
        }
        """).WithDefaultRuleId("SLS1011")
            .ShouldReportDiagnosticWithMessage("'Place' needs constructor services (IOrderStore) and [FromServices] parameters (other) from dependency injection, but the project has no [LambdaStartup] class to configure the container")
            .ValidateAsync();

    [Fact]
    public Task SLS1011_ServicesWithoutTheContainerPackage_AreReported() =>
        new Sharpless.TestKit.ProjectBuilder()
            .WithSourceCode("""
                using Sharpless;

                public interface IOrderStore { }

                public class Orders
                {
                    public Orders(IOrderStore store) { }

                    [LambdaFunction] public string [|Place|](string id) => id;
                }
                """)
            .WithAnalyzer<LambdaFunctionAnalyzer>()
            .WithDefaultRuleId("SLS1011")
            .ShouldReportDiagnosticWithMessage("'Place' needs constructor services (IOrderStore) from dependency injection, but the project does not reference Microsoft.Extensions.DependencyInjection")
            .ValidateAsync();

    [Fact]
    public Task SLS1011_ServicesWithAStartup_AreFine() => FunctionProject.ForRules(Usings + """
        public class Orders(IOrderStore store)
        {
            [LambdaFunction] public string Place(string id, [FromServices] IOrderStore other) => id + store + other;
        }
        """ + Startup).ValidateAsync();

    [Fact]
    public Task SLS1012_MemoryAndTimeoutOutOfRange_AreReported() => FunctionProject.ForRules(Usings + """
        public static class Orders
        {
            [{|SLS1012:LambdaFunction(MemorySize = 64)|}] public static string Small(string id) => id;
            [{|SLS1012:LambdaFunction(MemorySize = 20000)|}] public static string Large(string id) => id;
            [[|LambdaFunction(Timeout = 901)|]] public static string Slow(string id) => id;
            [LambdaFunction(MemorySize = 128, Timeout = 1)] public static string Least(string id) => id;
            [LambdaFunction(MemorySize = 10240, Timeout = 900)] public static string Most(string id) => id;
        }
        """).WithDefaultRuleId("SLS1012")
            .ShouldReportDiagnosticWithMessage("Timeout = 901 is outside what Lambda accepts (1 to 900 seconds)")
            .ValidateAsync();

    [Fact]
    public Task SLS1013_UnusableOrSecondStartup_IsReported() => FunctionProject.ForRules(Usings + """
        [LambdaStartup]
        public class {|SLS1013:{|SLS1013:NoMethod|}|} { }

        [LambdaStartup]
        public class {|SLS1013:{|SLS1013:NoConstructor|}|}
        {
            private NoConstructor() { }
            public void ConfigureServices(IServiceCollection services) { }
        }
        """).ValidateAsync();

    [Fact]
    public Task SLS1013_MessageForAMissingConfigureServices() => FunctionProject.ForRules(Usings + """
        [LambdaStartup]
        public class [|Startup|]
        {
            public void Configure(IServiceCollection services) { }
        }
        """).WithDefaultRuleId("SLS1013")
            .ShouldReportDiagnosticWithMessage("[LambdaStartup] class 'Startup' has no public or internal void ConfigureServices(IServiceCollection services) method")
            .ValidateAsync();

    [Fact]
    public Task SLS1013_StaticOrInstanceStartup_IsFine() => FunctionProject.ForRules(Usings + """
        [LambdaStartup]
        public static class Startup
        {
            public static void ConfigureServices(IServiceCollection services) { }
        }
        """).ValidateAsync();

    [Fact]
    public Task SLS1014_NameThatIsNotAnIdentifier_IsReported() => FunctionProject.ForRules(Usings + """
        public static class Orders
        {
            [[|LambdaFunction(Name = "place-order")|]] public static string Place(string id) => id;
            [{|SLS1014:LambdaFunction(Name = "class")|}] public static string Keyword(string id) => id;
            [LambdaFunction(Name = "PlaceOrder")] public static string Fine(string id) => id;
        }
        """).WithDefaultRuleId("SLS1014")
            .ShouldReportDiagnosticWithMessage("Function name 'place-order' is not a valid C# identifier; it names a constant in Sharpless.Generated.Functions")
            .ValidateAsync();
}
