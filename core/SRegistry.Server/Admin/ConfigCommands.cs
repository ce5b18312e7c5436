using System.CommandLine;
using SRegistry.Server.Hosting;

namespace SRegistry.Server.Admin;

/// <summary><c>admin config show</c>: the effective configuration, secrets masked.</summary>
public static class ConfigCommands
{
    public static Command Create(Option<string?> data)
    {
        var show = new Command("show", "Print the configuration the server would use, with resolved paths; secrets are masked.");
        show.SetAction(parse =>
        {
            foreach (var (key, value) in EffectiveConfiguration.Describe(AdminSession.ReadConfiguration(parse.GetValue(data))))
                Console.WriteLine($"{key} = {value}");
            return 0;
        });
        return new Command("config", "Inspect configuration.") { show };
    }
}
