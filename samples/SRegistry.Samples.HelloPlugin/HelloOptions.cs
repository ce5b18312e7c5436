using System.ComponentModel.DataAnnotations;

namespace SRegistry.Samples.HelloPlugin;

/// <summary>The hello plugin's settings, bound from its own section, <c>Plugins:hello</c>.</summary>
public sealed class HelloOptions
{
    /// <summary>The first word of the greeting.</summary>
    [Required]
    public string Greeting { get; set; } = "Hello";
}
