#if SERVE_BLAZOR_SCRIPT_FROM_RUNTIME_PACK
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace CaseManagement.Web.BlazorScript;

/// <summary>
/// Workaround switched by the MSBuild property <c>ServeBlazorScriptFromRuntimePack</c> (see the
/// web project file): serves <c>_framework/blazor.web.js</c> from the manifest resource of the
/// .NET 9 Components.Endpoints assembly, which the build copies next to the app. The assembly
/// is only read as a file, never loaded.
/// </summary>
public static class BlazorScriptEndpoint
{
    private const string ScriptPath = "/_framework/blazor.web.js";
    private const string ResourceName = "_framework/blazor.web.js";
    private static readonly string SourceFile = Path.Combine(AppContext.BaseDirectory, "blazor-script", "components-endpoints-net9.bin");

    public static IEndpointRouteBuilder MapBlazorScriptFromRuntimePack(this IEndpointRouteBuilder endpoints)
    {
        var script = new Lazy<(byte[] Bytes, string ETag)>(() =>
        {
            var bytes = ReadManifestResource(SourceFile, ResourceName);
            return (bytes, $"\"{Convert.ToHexString(SHA256.HashData(bytes))[..16]}\"");
        });

        endpoints.MapGet(ScriptPath, (HttpContext context) =>
        {
            var (bytes, etag) = script.Value;
            context.Response.Headers.ETag = etag;
            context.Response.Headers.CacheControl = "no-cache";
            return context.Request.Headers.IfNoneMatch == etag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(bytes, "text/javascript");
        }).AllowAnonymous();
        return endpoints;
    }

    public static byte[] ReadManifestResource(string assemblyFile, string resourceName)
    {
        if (!File.Exists(assemblyFile))
        {
            throw new FileNotFoundException(
                "blazor.web.js source missing; build with ServeBlazorScriptFromRuntimePack=true restores it.", assemblyFile);
        }

        using var stream = File.OpenRead(assemblyFile);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (!resource.Implementation.IsNil || metadata.GetString(resource.Name) != resourceName)
            {
                continue;
            }

            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            pe.PEHeaders.TryGetDirectoryOffset(directory, out var resourcesStart);
            var block = pe.GetEntireImage().GetContent(resourcesStart + (int)resource.Offset, 4);
            var length = BitConverter.ToInt32([.. block]);
            return [.. pe.GetEntireImage().GetContent(resourcesStart + (int)resource.Offset + 4, length)];
        }

        throw new InvalidOperationException($"Resource {resourceName} not found in {assemblyFile}.");
    }
}
#endif
