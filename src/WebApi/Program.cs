using CleanGames.Application;
using CleanGames.Infrastructure;
using CleanGames.WebApi;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddApplication(builder.Configuration["AutoMapper:LicenseKey"]);
builder.Services.AddInfrastructure();
builder.Services.AddWebApi();

var app = builder.Build();
app.UseWebApi();
app.Run();

/// <summary>The host's entry point; public so integration tests can start it.</summary>
public partial class Program;
