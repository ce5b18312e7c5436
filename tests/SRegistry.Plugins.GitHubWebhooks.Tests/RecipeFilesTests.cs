namespace SRegistry.Plugins.GitHubWebhooks.Tests;

public sealed class RecipeFilesTests
{
    private static readonly string[] Defaults = ["Singularity", "Singularity.*", "*.def"];

    [Theory]
    [InlineData("Singularity", "latest")]
    [InlineData("envs/Singularity.gpu", "gpu")]
    [InlineData("analysis.def", "analysis")]
    [InlineData("deep/dir/My Tool.def", "my-tool")]
    [InlineData("Singularity.CUDA_12", "cuda_12")]
    public void Recipes_BuildTheTagTheirNameGives(string path, string tag)
    {
        Assert.True(RecipeFiles.IsRecipe(path, Defaults));
        Assert.Equal(tag, RecipeFiles.TagOf(path));
    }

    [Theory]
    [InlineData("README.md")]
    [InlineData("Singularity/notes.txt")]
    [InlineData("def")]
    [InlineData("SingularityX")]
    [InlineData("recipe.def.bak")]
    public void OtherFiles_AreNotRecipes(string path) => Assert.False(RecipeFiles.IsRecipe(path, Defaults));

    [Fact]
    public void CustomPatterns_MatchFileNamesOnly() =>
        Assert.Equal([true, false], new[] { "ci/build.recipe", "build.recipe.txt" }.Select(p => RecipeFiles.IsRecipe(p, ["*.recipe"])));

    [Fact]
    public void PullRequestTags_NeverEqualTheReleaseTag() =>
        Assert.Equal("pr-12-gpu", RecipeFiles.PullRequestTag(12, "gpu"));

    [Fact]
    public void ANameWithNothingUsable_GivesNoTag() => Assert.Null(RecipeFiles.TagOf("..def"));
}
