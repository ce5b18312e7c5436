using SRegistry.Server.Admin;
using SRegistry.Server.Hosting;

// One binary, two jobs: `sregistry admin …` manages accounts from scripts; anything else runs the server.
return args is ["admin", ..]
    ? await AdminCommandLine.RunAsync(args[1..])
    : await RegistryServer.RunAsync(args);
