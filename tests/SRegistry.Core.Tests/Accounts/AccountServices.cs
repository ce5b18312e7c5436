using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SRegistry.Abstractions.Authentication;
using SRegistry.Core.Accounts;
using SRegistry.Core.Audit;
using SRegistry.Core.Domain;
using SRegistry.Core.Persistence;

namespace SRegistry.Core.Tests.Accounts;

/// <summary>The account services wired by hand on one context, as the container wires them per request.</summary>
internal static class AccountServices
{
    public static ExternalAccountRecheck Recheck(
        RegistryDbContext db, TimeProvider time, ExternalAccountOptions? options = null, params IPasswordAuthenticator[] authenticators) =>
        new(db, new AuditLog(db, time), time, authenticators, Options.Create(options ?? new ExternalAccountOptions()), NullLogger<ExternalAccountRecheck>.Instance);

    public static ApiTokenService Tokens(
        RegistryDbContext db, TimeProvider time, ExternalAccountOptions? options = null, params IPasswordAuthenticator[] authenticators) =>
        new(db, new AuditLog(db, time), time, Recheck(db, time, options, authenticators));

    public static AccountService Accounts(RegistryDbContext db, TimeProvider time) =>
        new(db, new AuditLog(db, time), time, new PasswordHasher<User>());

    public static PasswordSignIn SignIn(
        RegistryDbContext db, TimeProvider time, ExternalAccountOptions? options = null, params IPasswordAuthenticator[] authenticators)
    {
        var audit = new AuditLog(db, time);
        var wrapped = Options.Create(options ?? new ExternalAccountOptions());
        var roles = new ExternalRoleSync(db, audit, time, wrapped, NullLogger<ExternalRoleSync>.Instance);
        var provisioner = new ExternalAccountProvisioner(db, Accounts(db, time), roles, audit, time);
        return new PasswordSignIn(Accounts(db, time), authenticators, provisioner, NullLogger<PasswordSignIn>.Instance);
    }
}
