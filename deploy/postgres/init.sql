-- One database per service (each service owns its data).
CREATE DATABASE talentloop_org;
CREATE DATABASE talentloop_recruiting;
CREATE DATABASE talentloop_notify;
CREATE DATABASE talentloop_talent;
