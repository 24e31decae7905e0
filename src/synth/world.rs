//! The generation plan (`World`): providers, slugs and dictionary terms that records refer to.

use super::{
    measures::CATS,
    orgs::{Org, DISTRICTS, NAMES, ORGS_FEDERAL, ORGS_REGIONAL},
    regions::{MOSCOW, REGIONS},
    rng::{fill, Rng, S_CATEGORY, S_PLAN},
    Dicts, Spec,
};

/// What a service file needs to know about a provider.
pub(super) struct ProviderPlan {
    pub(super) slug: String,
    pub(super) title: String,
    /// Index into REGIONS; None for a federal provider.
    pub(super) region: Option<usize>,
    pub(super) org: &'static Org,
    pub(super) seq: usize,
}

pub(super) struct World {
    pub(super) seed: u64,
    pub(super) services: usize,
    pub(super) service_width: usize,
    /// Indices into CATS of the categories present in the dictionary.
    pub(super) cats: Vec<usize>,
    pub(super) categories: Vec<String>,
    pub(super) audiences: Vec<String>,
    pub(super) documents: Vec<String>,
    pub(super) providers: Vec<ProviderPlan>,
    pub(super) by_region: Vec<Vec<usize>>,
    pub(super) federal: Vec<usize>,
    pub(super) standard_slugs: Vec<String>,
}

pub(super) fn width(n: usize, min: usize) -> usize {
    let mut w = 1;
    let mut x = n.saturating_sub(1);
    while x >= 10 {
        w += 1;
        x /= 10;
    }
    w.max(min)
}

impl World {
    pub(super) fn new(spec: &Spec, dicts: &Dicts) -> Result<World, String> {
        let cats: Vec<usize> = (0..CATS.len())
            .filter(|&i| dicts.categories.iter().any(|k| k == CATS[i].key))
            .collect();
        if cats.is_empty() {
            return Err("в data/categories.toml нет ни одной знакомой генератору категории".into());
        }
        if dicts.audiences.is_empty() || dicts.documents.is_empty() {
            return Err(
                "словари data/audiences.toml и data/documents.toml не должны быть пустыми".into(),
            );
        }
        if spec.services > 0 && spec.providers == 0 {
            return Err(
                "мерам поддержки нужна хотя бы одна организация: --providers 1 или больше".into(),
            );
        }
        let pw = width(spec.providers, 5);
        let mut providers = Vec::with_capacity(spec.providers);
        let mut by_region = vec![Vec::new(); REGIONS.len()];
        let mut federal = Vec::new();
        let mut seq = vec![0usize; REGIONS.len() + 1];
        for i in 0..spec.providers {
            let mut r = Rng::new(spec.seed, S_PLAN, i as u64);
            // One provider in five works across the country; the rest go round the regions.
            let slot = i % 5;
            let region = if slot == 0 {
                None
            } else {
                Some((i / 5 * 4 + slot - 1) % REGIONS.len())
            };
            let org = match region {
                None => r.pick(ORGS_FEDERAL),
                Some(_) => r.pick(ORGS_REGIONAL),
            };
            let reg = region.map(|x| &REGIONS[x]).unwrap_or(&MOSCOW);
            let s = &mut seq[region.map(|x| x + 1).unwrap_or(0)];
            *s += 1;
            let n = *s;
            let name = NAMES[(n + r.below(3)) % NAMES.len()];
            let title = fill(
                org.name,
                &[
                    ("name", name),
                    (
                        "district",
                        DISTRICTS[(n / NAMES.len() + r.below(2)) % DISTRICTS.len()],
                    ),
                    ("city_gen", reg.city_gen),
                    ("n", &(1 + n % 40).to_string()),
                    ("gen", reg.gen),
                ],
            );
            let slug = format!("organizaciya-{i:0pw$}");
            match region {
                None => federal.push(i),
                Some(x) => by_region[x].push(i),
            }
            providers.push(ProviderPlan {
                slug,
                title,
                region,
                org,
                seq: n,
            });
        }
        let sw = width(spec.standards, 4);
        let standard_slugs = (0..spec.standards)
            .map(|i| format!("standart-{i:0sw$}"))
            .collect();
        Ok(World {
            seed: spec.seed,
            services: spec.services,
            service_width: width(spec.services, 6),
            cats,
            categories: dicts.categories.clone(),
            audiences: dicts.audiences.clone(),
            documents: dicts.documents.clone(),
            providers,
            by_region,
            federal,
            standard_slugs,
        })
    }

    pub(super) fn service_slug(&self, i: usize) -> String {
        format!("usluga-{i:0w$}", w = self.service_width)
    }

    /// The main category of service i (index into CATS), from its own stream so that
    /// situations can find services of a category without generating them.
    pub(super) fn service_cat(&self, i: usize) -> usize {
        let mut r = Rng::new(self.seed, S_CATEGORY, i as u64);
        self.cats[r.below(self.cats.len())]
    }

    pub(super) fn has_aud(&self, k: &str) -> bool {
        self.audiences.iter().any(|a| a == k)
    }

    /// The audiences of a list that the dictionary has, else its first audience.
    pub(super) fn auds_of<'a>(&'a self, list: &[&'static str]) -> Vec<&'a str> {
        let v: Vec<&str> = list.iter().copied().filter(|k| self.has_aud(k)).collect();
        if v.is_empty() {
            vec![self.audiences[0].as_str()]
        } else {
            v
        }
    }

    pub(super) fn has_doc(&self, k: &str) -> bool {
        self.documents.iter().any(|a| a == k)
    }

    pub(super) fn cat_present(&self, key: &str) -> bool {
        self.cats.iter().any(|&c| CATS[c].key == key)
    }
}
