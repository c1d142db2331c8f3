using CaseManagement.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddStructuredLogging();
builder.AddCaseManagementServices();

var app = builder.Build();

app.UseCaseManagementPipeline();
app.MapCaseManagementEndpoints();

await app.InitializeDatabaseAsync();
app.PrintWhereToSignInOnceStarted();

await app.RunAsync();
