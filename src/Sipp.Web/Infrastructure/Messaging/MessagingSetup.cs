namespace Sipp.Web.Infrastructure.Messaging;

public static class MessagingSetup
{
    public static IServiceCollection AddSippMessaging(this IServiceCollection services)
    {
        services.AddOptions<NotificationOptions>().BindConfiguration(NotificationOptions.Section)
            .Validate(o => !o.Sms.Enabled || o.Sms.GatewayUrl is not null, "Notifications:Sms:GatewayUrl wajib diisi bila SMS aktif.")
            .Validate(o => !o.Email.Enabled || !string.IsNullOrWhiteSpace(o.Email.Host), "Notifications:Email:Host wajib diisi bila email aktif.")
            .ValidateOnStart();
        services.AddScoped<Outbox>();
        services.AddSingleton<SmtpEmailSender>();
        services.AddHttpClient<SmsGatewayClient>().AddStandardResilienceHandler();
        services.AddHttpClient<Features.Api.Webhooks.WebhookSender>(Features.Api.Webhooks.WebhookSender.ClientName)
            .ConfigurePrimaryHttpMessageHandler(provider => Features.Api.Webhooks.WebhookSender.Handler(provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationOptions>>().Value.Webhooks))
            .ConfigureHttpClient((provider, client) => client.Timeout = provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NotificationOptions>>().Value.Webhooks.Timeout);
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxDispatcher>());
        return services;
    }
}
