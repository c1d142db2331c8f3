using CaseManagement.Documents.Pdf;
using PdfSharp.Fonts;

namespace CaseManagement.Documents.Tests;

public sealed class FontTests
{
    [Fact]
    public void Missing_font_fails_with_a_message_naming_the_file_and_the_debian_package()
    {
        var resolver = new SystemFontResolver(
        [
            new FontFace("DejaVu Sans", "/nonexistent/fonts/DejaVuSans.ttf", "/nonexistent/fonts/DejaVuSans-Bold.ttf", "fonts-dejavu-core"),
            new FontFace("Liberation Sans", "/nonexistent/fonts/LiberationSans-Regular.ttf", "/nonexistent/fonts/LiberationSans-Bold.ttf", "fonts-liberation"),
        ]);

        var error = Assert.Throws<FontNotInstalledException>(() => resolver.ResolveTypeface(SystemFontResolver.FamilyName, false, false));
        Assert.Equal("/nonexistent/fonts/DejaVuSans.ttf", error.MissingFile);
        Assert.Contains("/nonexistent/fonts/DejaVuSans.ttf", error.Message);
        Assert.Contains("fonts-dejavu-core", error.Message);
        Assert.Contains("Schriftart", error.Message);      // German
        Assert.Contains("Font for PDF documents", error.Message); // English
    }

    [Fact]
    public void Falls_back_to_the_next_installed_family()
    {
        var liberation = SystemFontResolver.DefaultCandidates[1];
        Assert.True(File.Exists(liberation.RegularPath), "fonts-liberation is expected on this machine");
        var resolver = new SystemFontResolver(
        [
            new FontFace("DejaVu Sans", "/nonexistent/DejaVuSans.ttf", "/nonexistent/DejaVuSans-Bold.ttf", "fonts-dejavu-core"),
            liberation,
        ]);

        Assert.Equal("Liberation Sans", resolver.ChosenFace.DisplayName);
        var bold = resolver.ResolveTypeface(SystemFontResolver.FamilyName, true, false);
        Assert.NotNull(bold);
        Assert.Equal(File.ReadAllBytes(liberation.BoldPath), resolver.GetFont(bold.FaceName));
    }

    [Fact]
    public void Default_resolver_uses_dejavu_sans_and_ignores_other_families()
    {
        var resolver = new SystemFontResolver();
        Assert.Equal("DejaVu Sans", resolver.ChosenFace.DisplayName);
        Assert.Null(resolver.ResolveTypeface("Arial", false, false));
        Assert.Null(resolver.GetFont("unknown-face"));
        var regular = resolver.ResolveTypeface(SystemFontResolver.FamilyName, false, false);
        Assert.NotNull(regular);
        Assert.NotEmpty(resolver.GetFont(regular.FaceName)!);
    }

    [Fact]
    public void Registration_is_idempotent_and_safe_from_many_threads()
    {
        Parallel.For(0, 16, _ => PdfFonts.EnsureRegistered());
        PdfFonts.EnsureRegistered();
        Assert.Same(SystemFontResolver.Instance, GlobalFontSettings.FontResolver);
    }
}
