using CaseManagement.Infrastructure.Identity;
using CaseManagement.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CaseManagement.Web.Account;

public static class StaffAccountsRegistration
{
    public const string LoginPath = "/konto/anmelden";
    public const string LogoutPath = "/konto/abmelden";
    public const string AccessDeniedPath = "/konto/kein-zugriff";

    /// <summary>
    /// ASP.NET Core Identity with the product's password and lockout rules, and a cookie per
    /// browser that names a server-side session (<see cref="StaffCookieEvents"/>).
    /// </summary>
    public static IServiceCollection AddStaffAccounts(this IServiceCollection services)
    {
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<StaffUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                options.Password.RequiredLength = 12;
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
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "fallverbund.auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = LogoutPath;
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.EventsType = typeof(StaffCookieEvents);
        });
        services.AddScoped<StaffCookieEvents>();
        services.AddScoped<StaffSignInFlow>();
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
