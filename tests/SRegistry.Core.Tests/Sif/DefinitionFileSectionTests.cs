using SRegistry.Core.Sif;

namespace SRegistry.Core.Tests.Sif;

public sealed class DefinitionFileSectionTests
{
    [Fact]
    public void Find_RunScriptBetweenSections_ReturnsOnlyItsBody()
    {
        var definition = "Bootstrap: docker\nFrom: alpine\n%post\n  apk add bash\n%runscript\n\n  echo one\n  echo two\n\n%labels\n  A b\n";

        Assert.Equal("  echo one\n  echo two", DefinitionFileSection.Find(definition, "runscript"));
    }

    [Fact]
    public void Find_PercentLinesThatAreNotSections_StayInTheBody()
    {
        var definition = "%runscript\n  printf 'x'\n  %notasection here\n%test\n  true\n";

        Assert.Equal("  printf 'x'\n  %notasection here", DefinitionFileSection.Find(definition, "runscript"));
    }

    [Fact]
    public void Find_WindowsLineEndingsAndIndentedHeader_AreUnderstood()
    {
        var definition = "Bootstrap: docker\r\n  %runscript\r\n  exec \"$@\"\r\n";

        Assert.Equal("  exec \"$@\"", DefinitionFileSection.Find(definition, "runscript"));
    }

    [Fact]
    public void Find_MissingSection_IsNull()
    {
        Assert.Null(DefinitionFileSection.Find("Bootstrap: docker\n%post\n  echo runscript\n", "runscript"));
    }
}
