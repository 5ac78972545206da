using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sharpless;

namespace AntiPatterns.Functions;

public interface ICustomerStore
{
    string Find(string id);
}

// SLS1013: an instance ConfigureServices needs a parameterless constructor; the ASP.NET Core habit of injecting
// IConfiguration into Startup has no container to come from. Make ConfigureServices static, or drop the parameter.
[LambdaStartup]
public class Startup(IConfiguration configuration)
{
    public void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton(configuration);
}

/// <summary>Needs a customer store from dependency injection, but the project cannot build a container.</summary>
public class CustomerFunctions(ICustomerStore customers)
{
    // SLS1011: constructor services (ICustomerStore) and no usable container: this project does not reference
    // Microsoft.Extensions.DependencyInjection (and its [LambdaStartup] is not usable, SLS1013).
    [LambdaFunction]
    public string Lookup(string id) => customers.Find(id);
}
