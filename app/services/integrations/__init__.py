"""HR integrations: HR-change reactions, webhooks, roster files and SCIM provisioning."""
