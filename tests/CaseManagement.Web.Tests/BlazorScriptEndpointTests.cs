// Compiled only together with the workaround it tests: the web project defines
// SERVE_BLAZOR_SCRIPT_FROM_RUNTIME_PACK while ServeBlazorScriptFromRuntimePack is on, and this
// project's file defines it the same way.
#if SERVE_BLAZOR_SCRIPT_FROM_RUNTIME_PACK
using System.Text;
using CaseManagement.Web.BlazorScript;

namespace CaseManagement.Web.Tests;

public class BlazorScriptEndpointTests
{
    // The web project copies the .NET 9 assembly to every output that references it.
    private static readonly string SourceFile =
        Path.Combine(AppContext.BaseDirectory, "blazor-script", "components-endpoints-net9.bin");

    [Fact]
    public void The_script_source_is_copied_next_to_the_tests()
    {
        Assert.True(File.Exists(SourceFile), SourceFile);
    }

    [Fact]
    public void The_blazor_script_is_read_whole_from_the_runtime_pack_assembly()
    {
        var script = BlazorScriptEndpoint.ReadManifestResource(SourceFile, "_framework/blazor.web.js");

        Assert.Equal(187_546, script.Length);
        // The script itself (minified JavaScript), not the assembly around it ("MZ" header).
        Assert.StartsWith("!function(){\"use strict\";", Encoding.UTF8.GetString(script, 0, 64), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_resource_name_is_an_error()
    {
        Assert.Throws<InvalidOperationException>(() =>
            BlazorScriptEndpoint.ReadManifestResource(SourceFile, "_framework/blazor.server.js.missing"));
    }
}
#endif
