# frozen_string_literal: true

module BerthChef
  module DockerCookbook
    def self.image
      actions = %i[pull build build_if_missing import pull_if_missing push remove save load]
      resource_type(:docker_image, :repo, actions) do |type|
        type.property(:read_timeout, Integer, default: 120)
        type.property(:host, String, nil)
        type.property(:repo, String, aliases: %i[image image_name])
        type.property(:tag, String, default: 'latest')
        type.property(:source, String)
        type.property(:destination, String)
        type.property(:force, *BOOL, default: false)
        type.property(:nocache, *BOOL, aliases: [:no_cache], default: false)
        type.property(:noprune, *BOOL, aliases: [:no_prune], default: false)
        type.property(:rm, *BOOL, default: true)
        type.property(:buildargs, String, Hash)
      end
    end

    def self.network
      actions = %i[create delete remove connect disconnect]
      resource_type(:docker_network, :network_name, actions) do |type|
        type.properties_from([HOST])
        type.property(:network_name, String)
        type.property(:driver, String)
        type.property(:driver_opts, Hash, nil)
        type.property(:subnet, String, STRINGS, nil)
        type.property(:gateway, String, STRINGS, nil, note: SPLIT_NOTE)
        type.property(:ip_range, String, STRINGS, nil)
        type.property(:auxiliary_addresses, String, Hash, ArrayOf.new(String, Hash), nil,
                      aliases: [:aux_address])
        type.property(:ipam_driver, String)
        type.property(:enable_ipv6, *BOOL)
        type.property(:internal, *BOOL)
        type.property(:container, String)
        type.property(:ip, String)
        type.property(:ip6, String)
        type.property(:id, String)
      end
    end

    def self.volume
      resource_type(:docker_volume, :volume_name, %i[create remove]) do |type|
        type.properties_from([HOST])
        type.property(:volume_name, String)
        type.property(:driver, String)
        type.property(:opts, Hash)
      end
    end

    def self.registry_login
      resource_type(:docker_registry, :serveraddress, %i[login]) do |type|
        type.properties_from([HOST])
        type.property(:serveraddress, String)
        type.property(:username, String)
        type.property(:password, String)
        type.property(:email, String)
      end
    end

    def self.tag
      resource_type(:docker_tag, :target_repo, %i[tag]) do |type|
        type.property(:target_repo, String)
        type.property(:target_tag, String)
        type.property(:to_repo, String)
        type.property(:to_tag, String)
        type.property(:force, *BOOL, default: false)
      end
    end

    def self.exec
      resource_type(:docker_exec, nil, %i[run]) do |type|
        type.properties_from([HOST])
        type.property(:command, Array, aliases: [:cmd])
        type.property(:container, String)
        type.property(:timeout, Numeric, default: 60)
        type.property(:returns, Integer, Array, default: [0])
      end
    end

    def self.service
      actions = %i[create delete start stop restart]
      resource_type(:docker_service, :instance, actions) do |type|
        type.property(:install_method, 'script', 'package', 'tarball', 'none', 'auto')
        type.property(:service_manager, 'execute', 'systemd', 'none', 'auto', default: 'auto')
        %i[repo script_url checksum docker_bin source package_version package_name version
           package_options].each { |name| type.property(name, String) }
        type.property(:setup_docker_repo, *BOOL)
        service_daemon(type)
        service_environment(type)
      end
    end

    # Rough shapes of the cookbook's unanchored address patterns for `bip` and `ip`.
    ADDRESS = /\d+\.\d+\.\d+\.\d+|[0-9A-Fa-f]*:[0-9A-Fa-f:]*/

    # partial/_service_base: the daemon's settings.
    def self.service_daemon(type)
      type.property(:instance, String)
      %i[api_cors_header bridge cluster_store cluster_advertise data_root fixed_cidr fixed_cidr_v6
         group default_ip_address_pool mount_flags mtu pidfile userns_remap misc_opts]
        .each { |name| type.property(name, String, aliases: service_aliases(name)) }
      %i[auto_restart daemon debug icc ip_forward ipv4_forward ipv6_forward ip_masq iptables
         ip6tables ipv6 selinux_enabled userland_proxy disable_legacy_registry live_restore]
        .each { |name| type.property(name, *BOOL) }
      %i[cluster_store_opts dns exec_opts host log_opts registry_mirror storage_driver
         default_ulimit systemd_opts systemd_socket_opts]
        .each { |name| type.property(name, String, Array) }
      type.property(:labels, String, Array, aliases: [:label])
      type.property(:dns_search, Array)
      type.property(:storage_opts, Array)
      type.property(:insecure_registry, Array, String, nil)
      type.property(:bip, ADDRESS, nil)
      type.property(:ip, ADDRESS, nil)
      type.property(:exec_driver, 'native', 'lxc', nil)
      type.property(:log_level, 'debug', 'info', 'warn', 'error', 'fatal')
      type.property(:log_driver, *LOG_DRIVERS)
    end

    def self.service_aliases(name)
      { group: [:run_group], data_root: [:graph] }.fetch(name, [])
    end

    def self.service_environment(type)
      type.property(:env_vars, Hash)
      %i[http_proxy https_proxy no_proxy tmpdir logfile].each { |name| type.property(name, String) }
      type.property(:service_timeout, Integer, default: 20)
    end
  end
end
