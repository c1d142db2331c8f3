using CaseManagement.Application.Staff;
using CaseManagement.Domain.Sessions;
using CaseManagement.Domain.Staff;
using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseManagement.Web.Account;

public static class StaffAccountsRegistration
{
    public const string LoginPath = "/konto/anmelden";
    public const string LogoutPath = "/konto/abmelden";
    public const string AccessDeniedPath = "/konto/kein-zugriff";
    public const string SetPasswordPath = "/konto/passwort-festlegen";
    public const string EnrolSecondFactorPath = "/konto/zwei-faktor-einrichten";
    public const string SecurityPath = "/konto/sicherheit";

    /// <summary>
    /// ASP.NET Core Identity with the product's password and lockout rules, and a cookie per
    /// browser that names a server-side session (<see cref="StaffCookieEvents"/>).
    /// </summary>
    public static IServiceCollection AddStaffAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SessionLimits>().Bind(configuration.GetSection(SessionLimits.SectionName))
            .Validate(limits => limits.Problem() is null, "Sessions: the limits do not fit together (see SessionLimits.Problem).")
            .ValidateOnStart();
        services.Configure<SecondFactorOptions>(configuration.GetSection(SecondFactorOptions.SectionName));
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                // Length over composition (PasswordPolicy): no forced digits, capitals or symbols;
                // StaffPasswordValidator refuses common passwords and the person's own name instead.
                options.Password.RequiredLength = PasswordPolicy.MinLength;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                // The account itself locks only after many failures from any address; repeated
                // failures from one address are slowed down long before (SignInThrottle), so an
                // outsider cannot lock staff out with a handful of guesses.
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 20;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(30);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<CaseManagementDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddErrorDescriber<GermanIdentityErrorDescriber>()
            .AddPasswordValidator<StaffPasswordValidator>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "fallverbund.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            // The server-side session decides (idle and absolute limits, StaffCookieEvents); the cookie
            // itself never outlives the absolute limit and is not renewed on the way.
            cookie.SlidingExpiration = false;
            cookie.EventsType = typeof(StaffCookieEvents);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SessionLimits>>((cookie, limits) => cookie.ExpireTimeSpan = limits.Value.AbsoluteTimeout);
        services.AddScoped<StaffCookieEvents>();
        services.AddScoped<StaffSignInFlow>();
        services.AddScoped<PendingSignIn>();
        services.AddScoped<CircuitSession>();

        // Outside development and tests the cookie travels only over HTTPS, even if a proxy's
        // X-Forwarded-Proto was not trusted.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment>((cookie, environment) => cookie.Cookie.SecurePolicy =
                environment.IsDevelopment() || environment.IsEnvironment("Testing") ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);

        services.AddScoped<AuthenticationStateProvider, StaffRevalidatingAuthenticationStateProvider>();
        return services;
    }
}
